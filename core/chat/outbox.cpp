#include "outbox.h"

#include "chat/upload_manager.h"
#include "net/authorized_api.h"
#include "protocol/protocol.h"
#include "storage/outbox_store.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QUrl>
#include <QUuid>

Q_LOGGING_CATEGORY(lcOutbox, "moim.core.outbox")

namespace moim {

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

bool isPermanentSendRefusal(const ApiError &error)
{
    switch (error.code) {
    case ApiError::Code::BadRequest:      // empty or too long
    case ApiError::Code::Forbidden:       // not a member (any more)
    case ApiError::Code::NotFound:        // no such conversation
    case ApiError::Code::TwoStepRequired: // the workspace waits for 2-step enrolment
    case ApiError::Code::PayloadTooLarge: // the same bytes will never fit
        return true;
    default:
        return false;
    }
}

Outbox::Outbox(AuthorizedApi *api, OutboxStore *store, QString authorId, QString authorName,
               UploadManager *uploads, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_store(store)
    , m_uploads(uploads)
    , m_authorId(std::move(authorId))
    , m_authorName(std::move(authorName))
    // A pending message is in front of the user: retries stay frequent (one small request
    // each), so it goes out within seconds of the server being back.
    , m_backoff(500ms, 8s)
{
    if (m_store && m_store->isOpen())
        m_line = m_store->messages();
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] {
        m_serverAskedToWait = false;
        sendNext();
    });
    // Any answer from the server means it can be reached: what waits need not wait longer.
    connect(m_api, &AuthorizedApi::serverReached, this, &Outbox::tryNow);
    if (m_uploads) {
        connect(m_uploads, &UploadManager::uploadChanged, this, &Outbox::onUpload);
        // Cancelled: the message that waits for it fails.
        connect(m_uploads, &UploadManager::uploadRemoved, this, [this] {
            if (m_inFlightId.isEmpty() && !m_retryTimer.isActive())
                sendNext();
        });
    }
    if (pendingCount() > 0)
        QTimer::singleShot(0, this, &Outbox::sendNext);
}

Outbox::~Outbox() = default;

bool Outbox::canStore() const
{
    return m_store && m_store->isOpen();
}

int Outbox::pendingCount() const
{
    return int(std::count_if(m_line.cbegin(), m_line.cend(), [](const Message &message) {
        return message.state == Message::State::Pending;
    }));
}

qint64 Outbox::msUntilRetry() const
{
    return m_retryTimer.isActive() ? m_retryTimer.remainingTime() : 0;
}

QList<Message> Outbox::unsent(const QString &conversationId) const
{
    QList<Message> result;
    for (const Message &message : m_line) {
        if (message.conversationId == conversationId)
            result.append(message);
    }
    return result;
}

std::optional<Message> Outbox::find(const QString &localId) const
{
    const qsizetype index = indexOf(localId);
    return index < 0 ? std::nullopt : std::optional<Message>(m_line.at(index));
}

qsizetype Outbox::indexOf(const QString &clientId) const
{
    for (qsizetype i = 0; i < m_line.size(); ++i) {
        if (m_line.at(i).clientId == clientId)
            return i;
    }
    return -1;
}

std::optional<Message> Outbox::queue(const QString &conversationId, const QString &body,
                                     const std::optional<ReplyQuote> &replyTo,
                                     const QList<moim::protocol::MessageEntity> &entities,
                                     const QList<Attachment> &attachments)
{
    if (attachments.size() > Attachment::MaxPerMessage)
        return std::nullopt;
    Message message;
    message.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    message.localId = message.clientId;
    message.conversationId = conversationId;
    message.authorId = m_authorId;
    message.authorName = m_authorName;
    message.body = body;
    message.createdAt = QDateTime::currentSecsSinceEpoch();
    message.state = Message::State::Pending;
    message.replyTo = replyTo;
    message.entities = entities;
    message.attachments = attachments;
    // Written down before the first attempt: a crash from here on still sends it, once. A
    // message that cannot be written down is not sent at all: one that went out unrecorded
    // could neither be shown truthfully nor retried safely after a restart.
    if (!canStore() || !m_store->store(message)) {
        qCWarning(lcOutbox) << "a message could not be saved; it was not sent";
        return std::nullopt;
    }
    m_line.append(message);
    Q_EMIT messageChanged(message);
    if (m_inFlightId.isEmpty() && !m_retryTimer.isActive())
        sendNext();
    return message;
}

void Outbox::confirm(const Message &sent)
{
    if (sent.clientId.isEmpty() || sent.authorId != m_authorId || sent.id.isEmpty() ||
        sent.seq <= 0)
        return;
    const qsizetype index = indexOf(sent.clientId);
    if (index < 0 || m_line.at(index).conversationId != sent.conversationId)
        return;
    releaseUploads(m_line.takeAt(index));
    if (canStore())
        m_store->remove(sent.clientId);
    // Still on its way? Its answer finds nothing left to do.
}

void Outbox::adopt(const QList<Message> &messages)
{
    bool added = false;
    for (Message message : messages) {
        if (message.clientId.isEmpty() || message.authorId != m_authorId ||
            indexOf(message.clientId) >= 0)
            continue;
        message.localId = message.clientId;
        if (message.state == Message::State::Sent)
            message.state = Message::State::Pending;
        if (canStore())
            m_store->store(message);
        m_line.append(message);
        added = true;
        Q_EMIT messageChanged(message);
    }
    if (added && m_inFlightId.isEmpty() && !m_retryTimer.isActive())
        sendNext();
}

void Outbox::setOnline(bool online)
{
    m_online = online;
    if (online)
        tryNow();
}

void Outbox::tryNow()
{
    if (!m_inFlightId.isEmpty() || m_serverAskedToWait)
        return;
    m_retryTimer.stop();
    m_backoff.reset();
    sendNext();
}

void Outbox::retry(const QString &localId)
{
    const qsizetype index = indexOf(localId);
    if (index < 0 || m_line.at(index).state != Message::State::Failed)
        return;
    Message &message = m_line[index];
    message.state = Message::State::Pending;
    message.failure.clear();
    for (const Attachment &attachment : std::as_const(message.attachments)) {
        if (attachment.fileId.isEmpty() && m_uploads)
            m_uploads->retry(attachment.uploadKey);
    }
    if (canStore())
        m_store->store(message);
    Q_EMIT messageChanged(message);
    tryNow();
}

bool Outbox::discard(const QString &localId)
{
    const qsizetype index = indexOf(localId);
    // The one on its way cannot be called back; its answer decides.
    if (index < 0 || localId == m_inFlightId)
        return false;
    const Message gone = m_line.takeAt(index);
    if (canStore())
        m_store->remove(gone.clientId);
    // Its files go with it: an upload nobody will send is stopped, a finished one forgotten.
    if (m_uploads) {
        for (const Attachment &attachment : gone.attachments) {
            if (!attachment.uploadKey.isEmpty())
                m_uploads->cancel(attachment.uploadKey);
        }
    }
    Q_EMIT messageDiscarded(gone.conversationId, gone.localId);
    return true;
}

bool Outbox::edit(const QString &localId, const QString &body,
                  const QList<moim::protocol::MessageEntity> &entities)
{
    const qsizetype index = indexOf(localId);
    if (index < 0 || localId == m_inFlightId)
        return false;
    Message edited = m_line.at(index);
    edited.body = body;
    edited.entities = entities;
    // Like a new message: words that cannot be written down are not sent either.
    if (!canStore() || !m_store->store(edited))
        return false;
    m_line[index] = edited;
    Q_EMIT messageChanged(edited);
    return true;
}

void Outbox::onUpload(const Upload &upload)
{
    if (upload.state != Upload::State::Done && upload.state != Upload::State::Failed)
        return;
    if (m_inFlightId.isEmpty() && !m_retryTimer.isActive())
        sendNext();
}

Outbox::Readiness Outbox::readiness(Message &message)
{
    bool changed = false;
    for (Attachment &attachment : message.attachments) {
        if (!attachment.fileId.isEmpty())
            continue;
        const std::optional<Upload> upload =
            m_uploads ? m_uploads->find(attachment.uploadKey) : std::nullopt;
        if (!upload || upload->state == Upload::State::Failed)
            return Readiness::Failed;
        if (upload->state != Upload::State::Done)
            return Readiness::Waiting;
        // The server's description, keeping the key so the upload is let go once sent.
        attachment = *upload->file;
        attachment.uploadKey = upload->key;
        changed = true;
    }
    if (changed && canStore())
        m_store->store(message);
    return Readiness::Ready;
}

void Outbox::releaseUploads(const Message &message)
{
    if (!m_uploads)
        return;
    for (const Attachment &attachment : message.attachments) {
        if (!attachment.uploadKey.isEmpty())
            m_uploads->release(attachment.uploadKey);
    }
}

void Outbox::sendNext()
{
    if (!m_inFlightId.isEmpty())
        return;
    qsizetype next = 0;
    for (;; ++next) {
        while (next < m_line.size() && m_line.at(next).state != Message::State::Pending)
            ++next;
        if (next == m_line.size())
            return;
        const Readiness ready = readiness(m_line[next]);
        if (ready == Readiness::Ready)
            break;
        // Later messages wait behind one whose files are still going up: order is kept.
        if (ready == Readiness::Waiting)
            return;
        qCWarning(lcOutbox) << "a message's file could not be uploaded; the message failed";
        Message &failed = m_line[next];
        failed.state = Message::State::Failed;
        failed.failure = UploadFailed;
        if (canStore())
            m_store->store(failed);
        Q_EMIT messageChanged(Message(failed));
    }
    const Message message = m_line.at(next);
    m_inFlightId = message.clientId;
    const QString path = protocol::path::ConversationsBase +
                         QString::fromLatin1(QUrl::toPercentEncoding(message.conversationId)) +
                         protocol::path::MessagesSuffix;
    QJsonObject request{{u"client_id"_s, message.clientId}, {u"body"_s, message.body}};
    if (message.replyTo)
        request.insert(u"reply_to"_s, message.replyTo->id);
    if (!message.entities.isEmpty())
        request.insert(u"entities"_s, moim::protocol::messageEntitiesToJson(message.entities));
    if (!message.attachments.isEmpty()) {
        QJsonArray files;
        for (const Attachment &attachment : message.attachments)
            files.append(attachment.fileId);
        request.insert(u"attachments"_s, files);
    }
    m_api->post(path, request, this, [this, clientId = message.clientId](const ApiResult &result) {
        onAnswer(clientId, result);
    });
}

void Outbox::onAnswer(const QString &clientId, const ApiResult &result)
{
    m_inFlightId.clear();
    const qsizetype index = indexOf(clientId);
    ApiError error = result.error;
    if (result.ok()) {
        // Delivered only when the server shows it has the message: its id and sequence number.
        // An empty answer, `{}` or someone else's message is no proof.
        Message sent = Message::fromJson(result.body.value("message"_L1).toObject(), m_authorId);
        if (!sent.id.isEmpty() && sent.seq > 0 &&
            (sent.clientId.isEmpty() || sent.clientId == clientId)) {
            sent.clientId = clientId;
            sent.state = Message::State::Sent;
            if (index >= 0)
                releaseUploads(m_line.takeAt(index));
            // Not written down as gone? Then it is sent again at the next start, and the
            // server, knowing its client id, answers with this same message: still once.
            if (canStore())
                m_store->remove(clientId);
            m_backoff.reset();
            Q_EMIT messageChanged(sent);
            sendNext();
            return;
        }
        error = ApiError::fromCode(ApiError::Code::InvalidResponse,
                                   u"the answer to a send carried no message"_s);
    }
    if (index < 0) {
        sendNext(); // given up meanwhile
        return;
    }
    if (isPermanentSendRefusal(error)) {
        qCWarning(lcOutbox) << "send refused:" << errorName(error.code) << error.serverCode;
        Message &failed = m_line[index];
        failed.state = Message::State::Failed;
        failed.failure = error.serverCode.isEmpty() ? errorName(error.code) : error.serverCode;
        if (canStore())
            m_store->store(failed);
        Q_EMIT messageChanged(failed);
        sendNext(); // the rest do not wait for this one
        return;
    }
    // Anything else may pass later: the network, the server, a token being renewed.
    qCInfo(lcOutbox) << "send deferred:" << errorName(error.code) << error.message;
    waitAndRetry(error.retryAfter());
}

void Outbox::waitAndRetry(std::chrono::milliseconds atLeast)
{
    const auto delay = std::max(m_backoff.nextDelay(), atLeast);
    m_serverAskedToWait = atLeast > 0ms;
    m_retryTimer.start(delay);
}

} // namespace moim
