#pragma once

#include "file_store.h"
#include "json_reply.h"
#include "token_service.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QObject>

class QHttpServer;

namespace moim::server {

class ApiServer;
class ChatAccess;
class HttpListener;
class MessageStore;

// Files over REST (docs/protocol.md "Files"): an upload started for a conversation, sent in
// pieces at the offset the server confirmed, resumed, cancelled; and the files of messages (or
// one's own, not sent yet) downloaded whole or by range, streamed from disk, only by those who
// may read the conversation.
class FilesApi : public QObject
{
    Q_OBJECT

public:
    struct Services
    {
        FileStore &files;
        MessageStore &messages;
        TokenService &tokens;
        ChatAccess &access;
        HttpListener &listener;
        const ApiServer &api;
    };

    FilesApi(QHttpServer &http, Services services, QObject *parent = nullptr);

private:
    JsonReply createUpload(const QString &conversationId, const QHttpServerRequest &request);
    JsonReply showUpload(const QString &uploadId, const QHttpServerRequest &request) const;
    JsonReply sendPiece(const QString &uploadId, const QHttpServerRequest &request);
    JsonReply cancelUpload(const QString &uploadId, const QHttpServerRequest &request);
    void download(const QString &fileId, bool preview, const QHttpServerRequest &request,
                  QHttpServerResponder &&responder) const;
    // The caller's own upload in a conversation they may still write to; otherwise the refusal
    // (someone else's upload does not exist for them).
    std::optional<FileStore::Upload>
    ownUpload(const QString &uploadId, const QHttpServerRequest &request, JsonReply *refusal) const;
    // Whether the user may read the file: a member of the conversation its message is in, or
    // its uploader before it is sent.
    bool mayRead(const QString &userId, const FileStore::File &file) const;

    Services m_services;
};

} // namespace moim::server
