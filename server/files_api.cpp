#include "files_api.h"

#include "api_server.h"
#include "chat_access.h"
#include "file_download.h"
#include "http_listener.h"
#include "message_store.h"
#include "server_logging.h"

#include <QHttpServer>
#include <QRegularExpression>
#include <protocol/protocol.h>
#include <protocol/upload_headers.h>

namespace moim::server {

using namespace Qt::StringLiterals;
namespace path = moim::protocol::path;
namespace error = moim::protocol::error;
namespace limits = moim::protocol::limits;
using Method = QHttpServerRequest::Method;
using Status = QHttpServerResponder::StatusCode;

namespace {

JsonReply badField(const QString &field, const QString &message)
{
    return JsonReply::error(error::BadRequest, message).withErrorField(u"field"_s, field);
}

JsonReply noSuchUpload()
{
    return JsonReply::error(error::NotFound, u"No such upload."_s);
}

QJsonObject uploadJson(const FileStore::Upload &upload)
{
    return {{u"id"_s, upload.id},
            {u"offset"_s, upload.received},
            {u"size"_s, upload.size},
            {u"expires_at"_s, upload.expiresAt}};
}

QByteArray offsetHeader()
{
    return QByteArray(moim::protocol::UploadOffsetHeader);
}

} // namespace

FilesApi::FilesApi(QHttpServer &http, Services services, QObject *parent)
    : QObject(parent)
    , m_services(services)
{
    http.route(path::ConversationsBase + u"<arg>"_s + path::UploadsSuffix, Method::Post,
               [this](const QString &id, const QHttpServerRequest &request) {
                   return createUpload(id, request).toResponse();
               });
    const QString upload = path::UploadsBase + u"<arg>"_s;
    http.route(upload, Method::Get, [this](const QString &id, const QHttpServerRequest &request) {
        return showUpload(id, request).toResponse();
    });
    http.route(upload, Method::Patch, [this](const QString &id, const QHttpServerRequest &request) {
        return sendPiece(id, request).toResponse();
    });
    http.route(upload, Method::Delete,
               [this](const QString &id, const QHttpServerRequest &request) {
                   return cancelUpload(id, request).toResponse();
               });
    http.route(path::FilesBase + u"<arg>"_s, Method::Get,
               [this](const QString &id, const QHttpServerRequest &request,
                      QHttpServerResponder &&responder) {
                   download(id, false, request, std::move(responder));
               });
    http.route(path::FilesBase + u"<arg>"_s + path::PreviewSuffix, Method::Get,
               [this](const QString &id, const QHttpServerRequest &request,
                      QHttpServerResponder &&responder) {
                   download(id, true, request, std::move(responder));
               });
}

JsonReply FilesApi::createUpload(const QString &conversationId, const QHttpServerRequest &request)
{
    JsonReply refusal = JsonReply::noContent();
    const auto session = m_services.access.admit(conversationId, request, &refusal);
    if (!session)
        return refusal;
    const auto body = ApiServer::jsonBody(request);
    if (!body)
        return JsonReply::error(error::BadRequest, u"Expected name, size and sha256."_s);
    const QJsonValue name = body->value("name"_L1);
    if (!name.isString() || !moim::protocol::isAcceptableFileName(name.toString()))
        return badField(u"name"_s, u"name must be 1-255 characters without control "
                                   "characters, '/' or '\\', and not '.' or '..'."_s);
    const QJsonValue sizeValue = body->value("size"_L1);
    const double size = sizeValue.toDouble(-1);
    if (!sizeValue.isDouble() || size < 1 || size != double(qint64(size)))
        return badField(u"size"_s, u"size must be a whole number of bytes, at least 1."_s);
    if (size > double(limits::MaxFileBytes))
        return JsonReply::error(error::TooLarge,
                                u"A file may have at most %1 bytes."_s.arg(limits::MaxFileBytes))
            .withErrorField(u"max_bytes"_s, limits::MaxFileBytes)
            .withStatus(JsonReply::Status::PayloadTooLarge);
    const QJsonValue sha256 = body->value("sha256"_L1);
    static const QRegularExpression hex64(u"^[0-9a-f]{64}$"_s);
    if (!sha256.isUndefined() &&
        !(sha256.isString() && hex64.match(sha256.toString().toLower()).hasMatch()))
        return badField(u"sha256"_s, u"sha256 must be 64 hexadecimal digits."_s);

    FileStore::Refusal refused = FileStore::Refusal::None;
    const auto upload =
        m_services.files.createUpload(session->userId, conversationId, name.toString(),
                                      qint64(size), sha256.toString().toLower(), &refused);
    if (!upload) {
        if (refused == FileStore::Refusal::TooManyUploads)
            return JsonReply::error(error::TooManyUploads,
                                    u"Finish or cancel an upload first: at most %1 may be "
                                    "unfinished."_s.arg(limits::MaxUnfinishedUploads));
        return JsonReply::error(error::ServerError, u"Could not start the upload."_s);
    }
    return JsonReply::ok({{u"upload"_s, uploadJson(*upload)}})
        .withStatus(JsonReply::Status::Created);
}

std::optional<FileStore::Upload> FilesApi::ownUpload(const QString &uploadId,
                                                     const QHttpServerRequest &request,
                                                     JsonReply *refusal) const
{
    if (auto outdated = m_services.api.refuseClient(request)) {
        *refusal = *outdated;
        return std::nullopt;
    }
    const auto session = m_services.tokens.authenticate(ApiServer::bearerToken(request));
    if (!session) {
        *refusal = JsonReply::error(error::InvalidToken, u"Sign in again."_s);
        return std::nullopt;
    }
    const auto upload = m_services.files.upload(uploadId);
    if (!upload || upload->userId != session->userId) {
        *refusal = noSuchUpload();
        return std::nullopt;
    }
    // Still allowed to post there (a member, and past 2-step where the workspace asks for it).
    if (!m_services.access.admit(upload->conversationId, request, refusal))
        return std::nullopt;
    return upload;
}

JsonReply FilesApi::showUpload(const QString &uploadId, const QHttpServerRequest &request) const
{
    JsonReply refusal = JsonReply::noContent();
    const auto upload = ownUpload(uploadId, request, &refusal);
    if (!upload)
        return refusal;
    if (upload->fileId.isEmpty())
        return JsonReply::ok({{u"upload"_s, uploadJson(*upload)}});
    const QJsonObject file = m_services.files.fileJson(upload->fileId);
    // Its message was deleted, and the file with it.
    if (file.isEmpty())
        return noSuchUpload();
    return JsonReply::ok({{u"file"_s, file}});
}

JsonReply FilesApi::sendPiece(const QString &uploadId, const QHttpServerRequest &request)
{
    JsonReply refusal = JsonReply::noContent();
    const auto upload = ownUpload(uploadId, request, &refusal);
    if (!upload)
        return refusal;
    if (ApiServer::header(request, "Content-Type").trimmed() !=
        QByteArrayView(moim::protocol::UploadPieceType))
        return JsonReply::error(error::BadRequest,
                                u"Send a piece as application/offset+octet-stream."_s);
    const auto offset =
        moim::protocol::parseUploadOffset(ApiServer::header(request, offsetHeader()).trimmed());
    if (!offset)
        return JsonReply::error(error::BadRequest,
                                u"Upload-Offset must be the decimal number of bytes confirmed."_s);
    const FileStore::Appended appended = m_services.files.append(*upload, *offset, request.body());
    const QByteArray confirmed = QByteArray::number(appended.upload.received);
    switch (appended.refusal) {
    case FileStore::Refusal::None:
        break;
    case FileStore::Refusal::OffsetMismatch:
        return JsonReply::error(error::OffsetMismatch,
                                u"The server has confirmed %1 bytes."_s.arg(upload->received))
            .withErrorField(u"offset"_s, upload->received)
            .withHeader(offsetHeader(), confirmed);
    case FileStore::Refusal::PastTheEnd:
        return JsonReply::error(error::BadRequest,
                                u"A piece has 1 to %1 bytes and ends at the announced size."_s.arg(
                                    limits::MaxUploadPieceBytes))
            .withHeader(offsetHeader(), confirmed);
    case FileStore::Refusal::ChecksumMismatch:
        return JsonReply::error(error::ChecksumMismatch,
                                u"The bytes received do not have the announced SHA-256; send "
                                "them again from 0."_s)
            .withErrorField(u"offset"_s, 0)
            .withHeader(offsetHeader(), "0");
    case FileStore::Refusal::TooManyUploads:
    case FileStore::Refusal::Failed:
        return JsonReply::error(error::ServerError, u"Could not store the piece."_s);
    }
    if (appended.upload.fileId.isEmpty())
        return JsonReply::noContent().withHeader(offsetHeader(), confirmed);
    qCInfo(lcHttp) << "Upload" << uploadId << "complete as" << appended.upload.fileId;
    return JsonReply::ok({{u"file"_s, m_services.files.fileJson(appended.upload.fileId)}})
        .withHeader(offsetHeader(), confirmed);
}

JsonReply FilesApi::cancelUpload(const QString &uploadId, const QHttpServerRequest &request)
{
    JsonReply refusal = JsonReply::noContent();
    const auto upload = ownUpload(uploadId, request, &refusal);
    if (!upload)
        return refusal;
    if (!upload->fileId.isEmpty())
        return JsonReply::error(error::Conflict,
                                u"The upload is complete; its file is kept for a message."_s);
    if (!m_services.files.cancel(*upload))
        return JsonReply::error(error::ServerError, u"Could not cancel the upload."_s);
    return JsonReply::noContent();
}

bool FilesApi::mayRead(const QString &userId, const FileStore::File &file) const
{
    if (!m_services.messages.canAccess(userId, file.conversationId))
        return false;
    return !file.messageId.isEmpty() || file.uploader == userId;
}

void FilesApi::download(const QString &fileId, bool preview, const QHttpServerRequest &request,
                        QHttpServerResponder &&responder) const
{
    const auto answer = [&responder](const JsonReply &reply) {
        reply.toResponse().write(std::move(responder));
    };
    if (auto outdated = m_services.api.refuseClient(request))
        return answer(*outdated);
    const auto session = m_services.tokens.authenticate(ApiServer::bearerToken(request));
    if (!session)
        return answer(JsonReply::error(error::InvalidToken, u"Sign in again."_s));
    const auto file = m_services.files.file(fileId);
    // Whether a file exists is told only to those who may read it.
    if (!file || !mayRead(session->userId, *file) || (preview && !file->hasPreview))
        return answer(JsonReply::error(error::NotFound, u"No such file."_s));
    if (m_services.access.isLocked(*session, file->conversationId))
        return answer(ApiServer::workspaceLocked());

    const QString path =
        preview ? m_services.files.previewPath(*file) : m_services.files.contentPath(*file);
    auto content = std::make_unique<QFile>(path);
    if (!content->open(QIODevice::ReadOnly)) {
        qCWarning(lcHttp) << "Cannot open the content of" << fileId << content->errorString();
        return answer(JsonReply::error(error::ServerError, u"Could not read the file."_s));
    }
    const qint64 size = content->size();
    QByteArray type = file->type.toLatin1();
    if (preview)
        type = content->peek(4) == "\x89PNG" ? QByteArrayLiteral("image/png")
                                             : QByteArrayLiteral("image/jpeg");
    FileDownload::Headers headers{
        {QByteArrayLiteral("Content-Type"), type},
        {QByteArrayLiteral("Content-Disposition"), moim::protocol::contentDisposition(file->name)},
        {QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff")},
        {QByteArrayLiteral("Accept-Ranges"), QByteArrayLiteral("bytes")},
        {QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("private, no-store")}};
    const moim::protocol::ByteRange range =
        moim::protocol::parseRange(ApiServer::header(request, "Range").trimmed(), size);
    switch (range.kind) {
    case moim::protocol::ByteRange::Kind::Unsatisfiable:
        responder.write(
            QByteArray(),
            {{QByteArrayLiteral("Content-Range"), moim::protocol::contentRange(range, size)},
             {QByteArrayLiteral("Accept-Ranges"), QByteArrayLiteral("bytes")}},
            Status::RequestRangeNotSatisfiable);
        return;
    case moim::protocol::ByteRange::Kind::Partial:
        headers.append(
            {QByteArrayLiteral("Content-Range"), moim::protocol::contentRange(range, size)});
        return FileDownload::start(std::move(responder), m_services.listener.currentConnection(),
                                   std::move(content), range.first, range.length(),
                                   Status::PartialContent, headers);
    case moim::protocol::ByteRange::Kind::Whole:
        return FileDownload::start(std::move(responder), m_services.listener.currentConnection(),
                                   std::move(content), 0, size, Status::Ok, headers);
    }
}

} // namespace moim::server
