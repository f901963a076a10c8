#include "mailbox.h"

#include "clock.h"
#include "database.h"
#include "secure_token.h"
#include "server_logging.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace moim::server {

using namespace Qt::StringLiterals;

Mailbox::Mailbox(Database &database, const Clock &clock, bool keep)
    : m_database(database)
    , m_clock(clock)
    , m_keep(keep)
{}

void Mailbox::send(const QString &recipient, const QString &kind, const QString &subject,
                   const QString &body, const QStringList &links, const LinkSecret &secret)
{
    if (!m_keep) {
        qCInfo(lcHttp) << "Mail" << kind << "to" << recipient << "not kept (no dev mailbox)";
        return;
    }
    const bool hasSecret = !secret.token.isEmpty();
    QSqlQuery query(m_database.handle());
    query.prepare(u"INSERT INTO mails (recipient, kind, subject, body, links, sent_at, "
                  "link_token, link_token_hash, link_expires_at) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    query.addBindValue(recipient);
    query.addBindValue(kind);
    query.addBindValue(subject);
    query.addBindValue(body);
    query.addBindValue(QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(links)).toJson(QJsonDocument::Compact)));
    query.addBindValue(m_clock.now());
    query.addBindValue(hasSecret ? QVariant(secret.token) : QVariant());
    query.addBindValue(hasSecret ? QVariant(SecureToken::sha256(secret.token)) : QVariant());
    query.addBindValue(hasSecret ? QVariant(secret.expiresAt) : QVariant());
    if (!query.exec())
        qCWarning(lcDb) << "Could not keep a mail:" << query.lastError().text();
    else
        qCInfo(lcHttp) << "Mail" << kind << "to" << recipient;
}

namespace {
// Every link of such a mail carries the token, so the links go and the body keeps a marker
// where the token stood.
const auto RedactSpentLinks =
    u"UPDATE mails SET body = replace(body, link_token, :marker), links = '[]', "
    "link_token = NULL, link_token_hash = NULL WHERE link_token IS NOT NULL AND "_s;
} // namespace

void Mailbox::forgetLink(const QByteArray &tokenHash)
{
    QSqlQuery query(m_database.handle());
    query.prepare(RedactSpentLinks + u"link_token_hash = :hash"_s);
    query.bindValue(u":marker"_s, QString::fromUtf8(SpentLinkMarker));
    query.bindValue(u":hash"_s, tokenHash);
    if (!query.exec())
        qCWarning(lcDb) << "Could not cut a spent link out of its mail:"
                        << query.lastError().text();
}

void Mailbox::forgetExpiredLinks()
{
    QSqlQuery query(m_database.handle());
    query.prepare(RedactSpentLinks + u"link_expires_at <= :now"_s);
    query.bindValue(u":marker"_s, QString::fromUtf8(SpentLinkMarker));
    query.bindValue(u":now"_s, m_clock.now());
    if (!query.exec())
        qCWarning(lcDb) << "Could not cut expired links out of their mails:"
                        << query.lastError().text();
}

QList<Mailbox::Mail> Mailbox::newestFirst(int limit) const
{
    QList<Mail> mails;
    QSqlQuery query(m_database.handle());
    query.prepare(u"SELECT id, recipient, kind, subject, body, links, sent_at FROM mails "
                  "ORDER BY id DESC LIMIT ?"_s);
    query.addBindValue(limit);
    if (!query.exec())
        return mails;
    while (query.next()) {
        Mail mail;
        mail.id = query.value(0).toLongLong();
        mail.recipient = query.value(1).toString();
        mail.kind = query.value(2).toString();
        mail.subject = query.value(3).toString();
        mail.body = query.value(4).toString();
        for (const QJsonValue &link :
             QJsonDocument::fromJson(query.value(5).toString().toUtf8()).array())
            mail.links.append(link.toString());
        mail.sentAt = query.value(6).toLongLong();
        mails.append(mail);
    }
    return mails;
}

QJsonArray Mailbox::toJson() const
{
    QJsonArray result;
    for (const Mail &mail : newestFirst()) {
        result.append(QJsonObject{{u"id"_s, mail.id},
                                  {u"to"_s, mail.recipient},
                                  {u"kind"_s, mail.kind},
                                  {u"subject"_s, mail.subject},
                                  {u"body"_s, mail.body},
                                  {u"links"_s, QJsonArray::fromStringList(mail.links)},
                                  {u"sent_at"_s, mail.sentAt}});
    }
    return result;
}

QString Mailbox::toHtml() const
{
    // Everything that came from outside is escaped; the only markup is ours.
    QString html = u"<!DOCTYPE html><html lang=\"ko\"><head><meta charset=\"utf-8\">"
                   "<title>Moim dev mailbox</title><style>"
                   "body{font-family:sans-serif;max-width:760px;margin:2em auto;color:#1d232f}"
                   "article{border:1px solid #d9dde5;border-radius:10px;padding:1em 1.2em;"
                   "margin:1em 0}h2{font-size:1.1em;margin:.2em 0}"
                   ".meta{color:#667085;font-size:.9em}pre{white-space:pre-wrap;font:inherit}"
                   "</style></head><body><h1>Moim dev mailbox</h1>"
                   "<p class=\"meta\">Every mail the mock server sent, newest first.</p>"_s;
    const QList<Mail> mails = newestFirst();
    if (mails.isEmpty())
        html += u"<p>No mail yet.</p>"_s;
    for (const Mail &mail : mails) {
        html += u"<article><h2>"_s + mail.subject.toHtmlEscaped() + u"</h2><p class=\"meta\">"_s +
                u"To "_s + mail.recipient.toHtmlEscaped() + u" · "_s +
                QDateTime::fromSecsSinceEpoch(mail.sentAt).toString(Qt::ISODate) + u" · "_s +
                mail.kind.toHtmlEscaped() + u"</p><pre>"_s + mail.body.toHtmlEscaped() +
                u"</pre>"_s;
        for (const QString &link : mail.links) {
            html += u"<p><a href=\""_s + link.toHtmlEscaped() + u"\">"_s + link.toHtmlEscaped() +
                    u"</a></p>"_s;
        }
        html += u"</article>"_s;
    }
    html += u"</body></html>"_s;
    return html;
}

} // namespace moim::server
