#include "file_store.h"

#include "clock.h"
#include "database.h"
#include "file_type.h"
#include "secure_token.h"
#include "server_logging.h"

#include <QBuffer>
#include <QColorSpace>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <protocol/protocol.h>
#include <unistd.h>

namespace moim::server {

using namespace Qt::StringLiterals;
namespace limits = moim::protocol::limits;

namespace {

constexpr int CleanJpegQuality = 90;
constexpr int PreviewJpegQuality = 80;

bool execOrWarn(QSqlQuery &query)
{
    if (query.exec())
        return true;
    qCWarning(lcDb) << "File query failed:" << query.lastError().text();
    return false;
}

// What finishing makes of an upload's bytes.
struct Content
{
    QString path; // the bytes to store: the part file, or a cleaned copy of an image
    QString type;
    QSize imageSize;    // images only
    QByteArray preview; // images only
};

QByteArray previewOf(const QImage &image)
{
    const QImage small = qMax(image.width(), image.height()) > limits::PreviewMaxSide
                             ? image.scaled(limits::PreviewMaxSide, limits::PreviewMaxSide,
                                            Qt::KeepAspectRatio, Qt::SmoothTransformation)
                             : image;
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    const bool alpha = small.hasAlphaChannel();
    QImageWriter writer(&buffer, alpha ? "png" : "jpeg");
    if (!alpha)
        writer.setQuality(PreviewJpegQuality);
    return writer.write(small) ? bytes : QByteArray();
}

// Turns a JPEG or PNG upright by its EXIF orientation and writes it again with nothing but its
// pixels (and colour space): no EXIF, GPS, comments or text chunks survive. An image that does
// not decode is not served as one.
Content cleanImage(const QString &partPath, const QString &type)
{
    QImageReader reader(partPath);
    reader.setAutoTransform(true);
    const QImage image = reader.read();
    if (image.isNull()) {
        qCInfo(lcHttp) << "An upload that looks like" << type
                       << "does not decode:" << reader.errorString();
        return {partPath, QString::fromLatin1(fileType::Unknown), {}, {}};
    }
    // A QImage over the same pixels carries none of the metadata the reader attached.
    QImage bare(image.constBits(), image.width(), image.height(), image.bytesPerLine(),
                image.format());
    bare.setColorSpace(image.colorSpace());
    const QString cleanPath = partPath + u".clean"_s;
    const bool jpeg = type == QLatin1StringView(fileType::Jpeg);
    QImageWriter writer(cleanPath, jpeg ? "jpeg" : "png");
    if (jpeg)
        writer.setQuality(CleanJpegQuality);
    if (!writer.write(bare)) {
        qCWarning(lcHttp) << "Cannot write a cleaned image:" << writer.errorString();
        QFile::remove(cleanPath);
        return {};
    }
    return {cleanPath, type, image.size(), previewOf(image)};
}

Content contentOf(const QString &partPath, const QString &type)
{
    if (type == QLatin1StringView(fileType::Jpeg) || type == QLatin1StringView(fileType::Png))
        return cleanImage(partPath, type);
    if (type == QLatin1StringView(fileType::Gif)) {
        // Kept as sent (it may move); its first frame makes the preview.
        QImageReader reader(partPath);
        const QImage first = reader.read();
        if (!first.isNull())
            return {partPath, type, first.size(), previewOf(first)};
    }
    return {partPath, type, {}, {}};
}

bool writeWhole(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size() && file.flush() && ::fsync(file.handle()) == 0;
}

FileStore::Upload uploadFrom(const QSqlQuery &query)
{
    FileStore::Upload upload;
    upload.id = query.value(0).toString();
    upload.userId = query.value(1).toString();
    upload.conversationId = query.value(2).toString();
    upload.name = query.value(3).toString();
    upload.size = query.value(4).toLongLong();
    upload.sha256 = query.value(5).toString();
    upload.received = query.value(6).toLongLong();
    upload.expiresAt = query.value(7).toLongLong();
    upload.fileId = query.value(8).toString();
    return upload;
}

const auto UploadColumns = u"id, user_id, conversation_id, name, size, COALESCE(sha256, ''), "
                           "received, expires_at, COALESCE(file_id, '')"_s;

} // namespace

FileStore::FileStore(Database &database, const Clock &clock, const QString &dataDir)
    : m_database(database)
    , m_clock(clock)
    , m_dataDir(dataDir)
{
    QDir(m_dataDir).mkpath(u"uploads"_s);
    QDir(m_dataDir).mkpath(u"files"_s);
}

QString FileStore::partPath(const QString &uploadId) const
{
    return QDir(m_dataDir).filePath(u"uploads/"_s + uploadId + u".part"_s);
}

QString FileStore::blobPath(const QString &sha256) const
{
    return QDir(m_dataDir).filePath(u"files/"_s + sha256.left(2) + u'/' + sha256);
}

QString FileStore::contentPath(const File &file) const
{
    return blobPath(file.sha256);
}

QString FileStore::previewPath(const File &file) const
{
    return blobPath(file.sha256) + u".preview"_s;
}

std::optional<FileStore::Upload> FileStore::createUpload(const QString &userId,
                                                         const QString &conversationId,
                                                         const QString &name, qint64 size,
                                                         const QString &sha256, Refusal *refusal)
{
    const qint64 now = m_clock.now();
    QSqlQuery count(m_database.handle());
    count.prepare(u"SELECT COUNT(*) FROM uploads WHERE user_id = ? AND file_id IS NULL AND "
                  "expires_at > ?"_s);
    count.addBindValue(userId);
    count.addBindValue(now);
    if (!execOrWarn(count) || !count.next()) {
        *refusal = Refusal::Failed;
        return std::nullopt;
    }
    if (count.value(0).toInt() >= limits::MaxUnfinishedUploads) {
        *refusal = Refusal::TooManyUploads;
        return std::nullopt;
    }
    Upload upload{
        SecureToken::randomId("up_"_L1),   userId,   conversationId, name, size, sha256, 0,
        now + limits::UploadExpirySeconds, QString()};
    QSqlQuery insert(m_database.handle());
    insert.prepare(u"INSERT INTO uploads (id, user_id, conversation_id, name, size, sha256, "
                   "received, expires_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?)"_s);
    insert.addBindValue(upload.id);
    insert.addBindValue(userId);
    insert.addBindValue(conversationId);
    insert.addBindValue(name);
    insert.addBindValue(size);
    insert.addBindValue(sha256.isEmpty() ? QVariant() : QVariant(sha256));
    insert.addBindValue(upload.expiresAt);
    if (!execOrWarn(insert)) {
        *refusal = Refusal::Failed;
        return std::nullopt;
    }
    *refusal = Refusal::None;
    return upload;
}

std::optional<FileStore::Upload> FileStore::upload(const QString &uploadId) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(u"SELECT "_s + UploadColumns +
                  u" FROM uploads WHERE id = ? AND (file_id IS NOT NULL OR expires_at > ?)"_s);
    query.addBindValue(uploadId);
    query.addBindValue(m_clock.now());
    if (!execOrWarn(query) || !query.next())
        return std::nullopt;
    return uploadFrom(query);
}

FileStore::Appended FileStore::append(const Upload &upload, qint64 offset, const QByteArray &piece)
{
    Appended result{Refusal::None, upload};
    if (offset != upload.received) {
        result.refusal = Refusal::OffsetMismatch;
        return result;
    }
    if (piece.isEmpty() || piece.size() > upload.size - upload.received) {
        result.refusal = Refusal::PastTheEnd;
        return result;
    }
    QFile part(partPath(upload.id));
    // Bytes past the confirmed offset were written by a server that died before confirming
    // them: they are dropped, and the client sends them again.
    if (!part.open(QIODevice::ReadWrite) || !part.resize(upload.received) ||
        !part.seek(upload.received) || part.write(piece.data(), piece.size()) != piece.size() ||
        !part.flush() || ::fsync(part.handle()) != 0) {
        qCWarning(lcHttp) << "Cannot write the part file of" << upload.id << part.errorString();
        result.refusal = Refusal::Failed;
        return result;
    }
    part.close();
    m_hashes.add(upload.id, upload.received, piece);
    result.upload.received += piece.size();
    result.upload.expiresAt = m_clock.now() + limits::UploadExpirySeconds;
    QSqlQuery update(m_database.handle());
    update.prepare(u"UPDATE uploads SET received = ?, expires_at = ? WHERE id = ?"_s);
    update.addBindValue(result.upload.received);
    update.addBindValue(result.upload.expiresAt);
    update.addBindValue(upload.id);
    if (!execOrWarn(update)) {
        result.upload = upload;
        result.refusal = Refusal::Failed;
        return result;
    }
    if (result.upload.received == result.upload.size)
        result.refusal = finish(&result.upload);
    return result;
}

FileStore::Refusal FileStore::finish(Upload *upload)
{
    const QString path = partPath(upload->id);
    QFile part(path);
    if (!part.open(QIODevice::ReadOnly))
        return Refusal::Failed;
    // Hashing 100 MiB takes a while: the bytes received are hashed once, and again only when
    // an image was cleaned into other bytes.
    QString received = m_hashes.take(upload->id, upload->size);
    if (received.isEmpty())
        received = PieceHasher::hashOf(&part);
    if (received.isEmpty())
        return Refusal::Failed;
    if (!upload->sha256.isEmpty() && received != upload->sha256) {
        // The bytes are not what the client meant to send: it starts again from 0.
        part.close();
        QSqlQuery reset(m_database.handle());
        reset.prepare(u"UPDATE uploads SET received = 0 WHERE id = ?"_s);
        reset.addBindValue(upload->id);
        if (!part.resize(0) || !execOrWarn(reset))
            return Refusal::Failed;
        upload->received = 0;
        return Refusal::ChecksumMismatch;
    }
    const QString type = fileType::sniff(part);
    part.close();
    const Content content = contentOf(path, type);
    if (content.path.isEmpty())
        return Refusal::Failed;
    QFile stored(content.path);
    if (!stored.open(QIODevice::ReadOnly))
        return Refusal::Failed;
    const QString sha256 = content.path == path ? received : PieceHasher::hashOf(&stored);
    const qint64 size = stored.size();
    stored.close();
    if (sha256.isEmpty())
        return Refusal::Failed;

    QSqlQuery known(m_database.handle());
    known.prepare(u"SELECT 1 FROM blobs WHERE sha256 = ?"_s);
    known.addBindValue(sha256);
    if (!execOrWarn(known))
        return Refusal::Failed;
    const bool isNew = !known.next();
    const QString target = blobPath(sha256);
    if (isNew) {
        // The blob is on disk before the database names it.
        QDir(m_dataDir).mkpath(u"files/"_s + sha256.left(2));
        QFile::remove(target);
        if (!QFile::rename(content.path, target) ||
            (!content.preview.isEmpty() && !writeWhole(target + u".preview"_s, content.preview))) {
            qCWarning(lcHttp) << "Cannot store the content of" << upload->id;
            return Refusal::Failed;
        }
    }
    QFile::remove(path);
    QFile::remove(content.path);

    QSqlDatabase db = m_database.handle();
    db.transaction();
    QSqlQuery blob(db);
    blob.prepare(u"INSERT OR IGNORE INTO blobs (sha256, size, type, width, height, preview) "
                 "VALUES (?, ?, ?, ?, ?, ?)"_s);
    blob.addBindValue(sha256);
    blob.addBindValue(size);
    blob.addBindValue(content.type);
    blob.addBindValue(content.imageSize.isValid() ? QVariant(content.imageSize.width())
                                                  : QVariant());
    blob.addBindValue(content.imageSize.isValid() ? QVariant(content.imageSize.height())
                                                  : QVariant());
    blob.addBindValue(!content.preview.isEmpty());
    const QString fileId = SecureToken::randomId("f_"_L1);
    QSqlQuery fileRow(db);
    fileRow.prepare(u"INSERT INTO files (id, sha256, name, uploader, conversation_id, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?)"_s);
    fileRow.addBindValue(fileId);
    fileRow.addBindValue(sha256);
    fileRow.addBindValue(upload->name);
    fileRow.addBindValue(upload->userId);
    fileRow.addBindValue(upload->conversationId);
    fileRow.addBindValue(m_clock.now());
    QSqlQuery done(db);
    done.prepare(u"UPDATE uploads SET file_id = ? WHERE id = ?"_s);
    done.addBindValue(fileId);
    done.addBindValue(upload->id);
    if (!execOrWarn(blob) || !execOrWarn(fileRow) || !execOrWarn(done) || !db.commit()) {
        db.rollback();
        return Refusal::Failed;
    }
    upload->fileId = fileId;
    return Refusal::None;
}

bool FileStore::cancel(const Upload &upload)
{
    QSqlQuery remove(m_database.handle());
    remove.prepare(u"DELETE FROM uploads WHERE id = ? AND file_id IS NULL"_s);
    remove.addBindValue(upload.id);
    if (!execOrWarn(remove))
        return false;
    QFile::remove(partPath(upload.id));
    m_hashes.forget(upload.id);
    return true;
}

void FileStore::sweepExpired()
{
    QSqlQuery expired(m_database.handle());
    expired.prepare(u"SELECT id FROM uploads WHERE file_id IS NULL AND expires_at <= ?"_s);
    expired.addBindValue(m_clock.now());
    if (!execOrWarn(expired))
        return;
    QStringList ids;
    while (expired.next())
        ids.append(expired.value(0).toString());
    for (const QString &id : std::as_const(ids)) {
        QSqlQuery remove(m_database.handle());
        remove.prepare(u"DELETE FROM uploads WHERE id = ?"_s);
        remove.addBindValue(id);
        if (execOrWarn(remove)) {
            QFile::remove(partPath(id));
            m_hashes.forget(id);
        }
    }
}

std::optional<FileStore::File> FileStore::file(const QString &fileId) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(u"SELECT f.id, f.name, f.sha256, b.size, b.type, f.uploader, f.conversation_id, "
                  "COALESCE(f.message_id, ''), b.preview FROM files f JOIN blobs b ON b.sha256 = "
                  "f.sha256 WHERE f.id = ?"_s);
    query.addBindValue(fileId);
    if (!execOrWarn(query) || !query.next())
        return std::nullopt;
    return File{query.value(0).toString(),   query.value(1).toString(), query.value(2).toString(),
                query.value(3).toLongLong(), query.value(4).toString(), query.value(5).toString(),
                query.value(6).toString(),   query.value(7).toString(), query.value(8).toBool()};
}

QJsonObject FileStore::fileJson(const QString &fileId) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(u"SELECT f.id, f.name, b.size, b.type, COALESCE(b.width, 0), "
                  "COALESCE(b.height, 0), b.preview, b.sha256 FROM files f JOIN blobs b ON "
                  "b.sha256 = f.sha256 WHERE f.id = ?"_s);
    query.addBindValue(fileId);
    if (!execOrWarn(query) || !query.next())
        return {};
    QJsonObject json =
        attachmentJson(query.value(0).toString(), query.value(1).toString(),
                       query.value(2).toLongLong(), query.value(3).toString(),
                       query.value(4).toInt(), query.value(5).toInt(), query.value(6).toBool());
    json.insert(u"sha256"_s, query.value(7).toString());
    return json;
}

QJsonObject FileStore::attachmentJson(const QString &id, const QString &name, qint64 size,
                                      const QString &type, int width, int height, bool hasPreview)
{
    QJsonObject json{{u"id"_s, id},
                     {u"name"_s, name},
                     {u"size"_s, size},
                     {u"type"_s, type},
                     {u"preview"_s, hasPreview}};
    if (width > 0 && height > 0)
        json.insert(u"image"_s, QJsonObject{{u"width"_s, width}, {u"height"_s, height}});
    return json;
}

bool FileStore::canAttach(const QString &userId, const QString &conversationId,
                          const QStringList &fileIds) const
{
    if (QSet<QString>(fileIds.cbegin(), fileIds.cend()).size() != fileIds.size())
        return false;
    for (const QString &id : fileIds) {
        QSqlQuery query(m_database.handle());
        query.prepare(u"SELECT 1 FROM files WHERE id = ? AND uploader = ? AND conversation_id = ? "
                      "AND message_id IS NULL"_s);
        query.addBindValue(id);
        query.addBindValue(userId);
        query.addBindValue(conversationId);
        if (!execOrWarn(query) || !query.next())
            return false;
    }
    return true;
}

void FileStore::removeUnreferencedBlobs()
{
    QSqlQuery orphans(m_database.handle());
    if (!orphans.exec(u"SELECT sha256 FROM blobs WHERE sha256 NOT IN (SELECT sha256 FROM files)"_s))
        return;
    QStringList hashes;
    while (orphans.next())
        hashes.append(orphans.value(0).toString());
    for (const QString &sha256 : std::as_const(hashes)) {
        QSqlQuery remove(m_database.handle());
        remove.prepare(u"DELETE FROM blobs WHERE sha256 = ?"_s);
        remove.addBindValue(sha256);
        if (!execOrWarn(remove))
            continue;
        QFile::remove(blobPath(sha256));
        QFile::remove(blobPath(sha256) + u".preview"_s);
    }
}

} // namespace moim::server
