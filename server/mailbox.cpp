#include "mailbox.h"

#include "clock.h"
#include "database.h"
#include "server_logging.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace moim::server {

using namespace Qt::StringLiterals;

Mailbox::Mailbox(Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{}

void Mailbox::send(const QString &recipient, const QString &kind, const QString &subject,
                   const QString &body, const QStringList &links)
{
    QSqlQuery query(m_database.handle());
    query.prepare(u"INSERT INTO mails (recipient, kind, subject, body, links, sent_at) "
                  "VALUES (?, ?, ?, ?, ?, ?)"_s);
    query.addBindValue(recipient);
    query.addBindValue(kind);
    query.addBindValue(subject);
    query.addBindValue(body);
    query.addBindValue(QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(links)).toJson(QJsonDocument::Compact)));
    query.addBindValue(m_clock.now());
    if (!query.exec())
        qCWarning(lcDb) << "Could not keep a mail:" << query.lastError().text();
    else
        qCInfo(lcHttp) << "Mail" << kind << "to" << recipient;
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
