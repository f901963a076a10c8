#pragma once

// An ApiClient whose transport is the test: every call is recorded, and the test answers it
// (or never does), with whatever a real server or a broken network could say.
#include "net/api_client.h"

#include <QJsonDocument>
#include <QPointer>
#include <memory>
#include <optional>

namespace moim::test {

class FakeApiClient : public ApiClient
{
public:
    struct Call
    {
        Method method;
        QString path;
        QJsonObject body;
        QString accessToken;
        QPointer<QObject> context;
        Callback done;
        bool answered = false;
        // A piece of an upload: where it starts, its bytes, and the Upload-Offset its answer
        // carries (set by answerPiece).
        qint64 offset = -1;
        QByteArray bytes = {};
        std::shared_ptr<std::optional<qint64>> confirmed = {};
        ProgressCallback progress = {};
    };

    FakeApiClient()
        : ApiClient(ServerAddress::parse(QStringLiteral("http://127.0.0.1:9")),
                    QStringLiteral("moim-desktop"), QStringLiteral("0.1.0"))
    {}

    void send(Method method, const QString &path, const QJsonObject &body,
              const QString &accessToken, QObject *context, Callback done) override
    {
        calls.append({method, path, body, accessToken, context, std::move(done)});
    }

    void sendPiece(const QString &path, qint64 offset, const QByteArray &bytes,
                   const QString &accessToken, QObject *context, ProgressCallback progress,
                   PieceCallback done) override
    {
        auto confirmed = std::make_shared<std::optional<qint64>>();
        Call call{Method::Patch,
                  path,
                  {},
                  accessToken,
                  context,
                  [confirmed, done = std::move(done)](const ApiResult &result) {
                      done(PieceResult{result, *confirmed});
                  }};
        call.offset = offset;
        call.bytes = bytes;
        call.confirmed = confirmed;
        call.progress = std::move(progress);
        calls.append(std::move(call));
    }

    // Answers piece `index` with the offset the server confirmed (its Upload-Offset header),
    // and an HTTP answer as answerHttp() takes it.
    void answerPiece(qsizetype index, qint64 confirmedOffset, int status = 204,
                     const QByteArray &body = {})
    {
        *calls[index].confirmed = confirmedOffset;
        answerHttp(index, status, body);
    }

    // Answers call `index` as the real client would: only while its context lives.
    void answer(qsizetype index, const ApiResult &result)
    {
        Call &call = calls[index];
        Q_ASSERT(!call.answered);
        call.answered = true;
        if (call.context)
            call.done(result);
    }
    void answerOk(qsizetype index, const QJsonObject &body = {}) { answer(index, {body, {}}); }
    void answerError(qsizetype index, ApiError::Code code, int httpStatus = 0,
                     const QString &serverCode = {}, int retryAfterSeconds = 0)
    {
        ApiError error = ApiError::fromCode(code, QStringLiteral("from the test"));
        error.httpStatus = httpStatus;
        error.serverCode = serverCode;
        error.retryAfterSeconds = retryAfterSeconds;
        answer(index, {{}, error});
    }
    // An HTTP answer exactly as the server (or something in the way) put it.
    void answerHttp(qsizetype index, int status, const QByteArray &body)
    {
        if (status >= 200 && status < 300) {
            const QJsonDocument document = QJsonDocument::fromJson(body);
            if (body.isEmpty() || document.isObject()) {
                answer(index, {document.object(), {}});
                return;
            }
            answer(index, {{}, ApiError::fromCode(ApiError::Code::InvalidResponse)});
            return;
        }
        answer(index, {{}, ApiError::fromHttpAnswer(status, body)});
    }

    qsizetype unanswered() const
    {
        return std::count_if(calls.cbegin(), calls.cend(),
                             [](const Call &call) { return !call.answered; });
    }

    QList<Call> calls;
};

} // namespace moim::test
