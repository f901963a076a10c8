#pragma once

// A plain HTTP client of the mock server for server tests: signs in as a demo member and calls
// the REST API the way any other client (or curl) would.
#include "mock_server.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QUrlQuery>
#include <memory>
#include <protocol/protocol.h>

namespace moim::server::test {

using namespace Qt::StringLiterals;

// The password of every demo member.
inline const QString DemoPassword = u"seoul-spring-gathering"_s;

// The mock server in this process on port 0, with the demo data in `dataDir` and the cheapest
// password hashing; null (with `error` said) when it could not start.
inline std::unique_ptr<MockServer> startDemoServer(const QString &dataDir, QString *error)
{
    ServerConfig config;
    config.port = 0;
    config.dataDir = dataDir;
    config.demo = true;
    config.hashLimits = PasswordHasher::Limits::minimal();
    auto server = std::make_unique<MockServer>(config);
    if (!server->start(error))
        return nullptr;
    return server;
}

struct HttpResult
{
    int status = 0;
    QJsonObject json;

    QString errorCode() const
    {
        return json.value("error"_L1).toObject().value("code"_L1).toString();
    }
    QString errorField() const
    {
        return json.value("error"_L1).toObject().value("field"_L1).toString();
    }
    QJsonArray messages() const { return json.value("messages"_L1).toArray(); }
};

struct Member
{
    QString id;
    QString accessToken;
    // Workspace ids by English name, as the sign-in answered them.
    QHash<QString, QString> workspaces;
};

// An answer as it came, for bodies that are not JSON (files) and headers that matter.
struct RawResult
{
    int status = 0;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // names in lower case

    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString errorCode() const
    {
        return json().value("error"_L1).toObject().value("code"_L1).toString();
    }
};

class ServerTestClient
{
public:
    explicit ServerTestClient(const MockServer &server)
        : m_url(server.url())
    {}
    // A server in another process.
    explicit ServerTestClient(QUrl url)
        : m_url(std::move(url))
    {}

    HttpResult call(const QByteArray &verb, const QString &apiPath, const Member &member,
                    const QJsonObject &body = {})
    {
        QNetworkRequest request(m_url.resolved(QUrl(apiPath)));
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        request.setRawHeader(QByteArray(moim::protocol::ClientHeader), "moim-desktop/0.1.0");
        if (!member.accessToken.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + member.accessToken.toLatin1());
        QNetworkReply *reply =
            verb == "GET"
                ? m_network.get(request)
                : m_network.sendCustomRequest(request, verb, QJsonDocument(body).toJson());
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(10'000);
        HttpResult result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.json = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return result;
    }

    // Any request with its own headers and body bytes, answered as it came.
    RawResult raw(const QByteArray &verb, const QString &apiPath, const Member &member,
                  const QList<std::pair<QByteArray, QByteArray>> &headers = {},
                  const QByteArray &body = {})
    {
        QNetworkRequest request(m_url.resolved(QUrl(apiPath)));
        request.setRawHeader(QByteArray(moim::protocol::ClientHeader), "moim-desktop/0.1.0");
        if (!member.accessToken.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + member.accessToken.toLatin1());
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        QNetworkReply *reply = m_network.sendCustomRequest(request, verb, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(30'000);
        RawResult result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        for (const auto &[name, value] : reply->rawHeaderPairs())
            result.headers.insert(name.toLower(), value);
        reply->deleteLater();
        return result;
    }

    HttpResult get(const QString &apiPath, const QUrlQuery &query, const Member &member)
    {
        QUrl url(apiPath);
        url.setQuery(query);
        return call("GET", url.toString(QUrl::FullyEncoded), member);
    }

    Member signIn(const QString &email)
    {
        const auto result = call(
            "POST", QString(protocol::path::Login), {},
            {{u"email"_s, email},
             {u"password"_s, DemoPassword},
             {u"device"_s, QJsonObject{{u"name"_s, u"test-host"_s}, {u"kind"_s, u"desktop"_s}}}});
        Member member;
        member.id = result.json.value("account"_L1).toObject().value("id"_L1).toString();
        member.accessToken = result.json.value("access_token"_L1).toString();
        for (const QJsonValue &value : result.json.value("workspaces"_L1).toArray())
            member.workspaces.insert(value.toObject().value("name_en"_L1).toString(),
                                     value.toObject().value("id"_L1).toString());
        return member;
    }

    // A conversation of a workspace by its name, as the member lists it.
    QString conversationNamed(const Member &member, const QString &workspaceId, const QString &name)
    {
        const QJsonArray conversations =
            call("GET", protocol::path::Workspaces + workspaceId + protocol::path::Conversations,
                 member)
                .json.value("conversations"_L1)
                .toArray();
        for (const QJsonValue &value : conversations) {
            if (value.toObject().value("name"_L1).toString() == name)
                return value.toObject().value("id"_L1).toString();
        }
        return {};
    }

    // A channel `creator` makes in a workspace (so the creator is its admin); its id, empty when
    // the server refused it.
    QString createChannel(const Member &creator, const QString &workspaceId, const QString &name,
                          bool isPrivate)
    {
        return call("POST",
                    protocol::path::Workspaces + workspaceId + protocol::path::Conversations,
                    creator, {{u"name"_s, name}, {u"private"_s, isPrivate}})
            .json.value("conversation"_L1)
            .toObject()
            .value("id"_L1)
            .toString();
    }

    // Whether `member` joined the public channel.
    bool join(const Member &member, const QString &conversationId)
    {
        return call("POST",
                    protocol::path::ConversationsBase + conversationId + protocol::path::JoinSuffix,
                    member)
                   .status == 200;
    }

    // The stored message, or an empty object when the server refused it.
    QJsonObject send(const Member &member, const QString &conversationId, const QString &body)
    {
        return call("POST",
                    protocol::path::ConversationsBase + conversationId +
                        protocol::path::MessagesSuffix,
                    member,
                    {{u"client_id"_s, u"server-test-%1"_s.arg(++m_sent)}, {u"body"_s, body}})
            .json.value("message"_L1)
            .toObject();
    }

    // A file uploaded whole to a conversation in the client's pieces, as the server answered its
    // last piece (the file object), or an empty object when it was refused.
    QJsonObject uploadWhole(const Member &member, const QString &conversationId,
                            const QString &name, const QByteArray &bytes)
    {
        const RawResult started =
            raw("POST",
                protocol::path::ConversationsBase + conversationId + protocol::path::UploadsSuffix,
                member, {{"Content-Type", "application/json"}},
                QJsonDocument(QJsonObject{{u"name"_s, name}, {u"size"_s, bytes.size()}}).toJson());
        const QString uploadId =
            started.json().value("upload"_L1).toObject().value("id"_L1).toString();
        if (started.status != 201)
            qWarning() << "upload refused:" << started.status << started.body;
        RawResult answer;
        for (qsizetype offset = 0; offset < bytes.size();
             offset += protocol::limits::UploadPieceBytes) {
            answer = raw("PATCH", protocol::path::UploadsBase + uploadId, member,
                         {{"Content-Type", protocol::UploadPieceType},
                          {"Upload-Offset", QByteArray::number(offset)}},
                         bytes.mid(offset, protocol::limits::UploadPieceBytes));
        }
        if (answer.status != 200)
            qWarning() << "upload not complete:" << answer.status << answer.body;
        return answer.json().value("file"_L1).toObject();
    }

private:
    QUrl m_url;
    QNetworkAccessManager m_network;
    int m_sent = 0;
};

} // namespace moim::server::test
