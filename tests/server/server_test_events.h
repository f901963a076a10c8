#pragma once

// The event stream of the mock server as a client sees it, for server tests: one authenticated
// WebSocket and every frame it received.
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>
#include <protocol/protocol.h>

namespace moim::server::test {

using namespace Qt::StringLiterals;

// One authenticated event stream and the frames it received.
struct EventClient
{
    QWebSocket socket;
    QList<QJsonObject> frames;

    EventClient()
    {
        QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket,
                         [this](const QString &frame) {
                             frames.append(QJsonDocument::fromJson(frame.toUtf8()).object());
                         });
    }

    bool open(const QUrl &url, const QString &accessToken)
    {
        QNetworkRequest request(url);
        request.setRawHeader(QByteArray(moim::protocol::ClientHeader), "moim-desktop/0.1.0");
        QSignalSpy connected(&socket, &QWebSocket::connected);
        socket.open(request);
        if (!connected.wait(5000))
            return false;
        socket.sendTextMessage(QString::fromUtf8(
            QJsonDocument(QJsonObject{{u"type"_s, u"auth"_s}, {u"access_token"_s, accessToken}})
                .toJson()));
        return QTest::qWaitFor([this] { return !frames.isEmpty(); }, 5000) &&
               frames.first().value("type"_L1).toString() == "ready"_L1;
    }

    QList<QJsonObject> ofType(QLatin1StringView type) const
    {
        QList<QJsonObject> matching;
        for (const QJsonObject &frame : frames) {
            if (frame.value("type"_L1).toString() == type)
                matching.append(frame);
        }
        return matching;
    }

    // How many messages of one conversation arrived live.
    int messagesIn(const QString &conversationId) const
    {
        int count = 0;
        for (const QJsonObject &frame : ofType(moim::protocol::event::MessageCreated)) {
            if (frame.value("message"_L1).toObject().value("conversation_id"_L1).toString() ==
                conversationId)
                ++count;
        }
        return count;
    }

    // The frames of that type about one conversation.
    QList<QJsonObject> about(QLatin1StringView type, const QString &conversationId) const
    {
        QList<QJsonObject> matching;
        for (const QJsonObject &frame : ofType(type)) {
            if (frame.value("conversation_id"_L1).toString() == conversationId)
                matching.append(frame);
        }
        return matching;
    }
};

} // namespace moim::server::test
