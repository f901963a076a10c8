#pragma once

#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace moim::server {

class Clock;
class Database;

// The dev mailbox: every mail the server "sends" is kept here instead, listed newest first as
// HTML (with the mail's own links clickable and everything else escaped) and as JSON.
class Mailbox
{
public:
    struct Mail
    {
        qint64 id = 0;
        QString recipient;
        QString kind; // "invite", "password_reset", "password_changed", "new_sign_in"
        QString subject;
        QString body;
        QStringList links;
        qint64 sentAt = 0;
    };

    Mailbox(Database &database, const Clock &clock);

    // Where the server is reachable, for links in mails (the landing page).
    void setPublicUrl(const QUrl &url) { m_publicUrl = url; }
    QUrl publicUrl() const { return m_publicUrl; }

    void send(const QString &recipient, const QString &kind, const QString &subject,
              const QString &body, const QStringList &links);
    QList<Mail> newestFirst(int limit = 200) const;
    QJsonArray toJson() const;
    QString toHtml() const;

private:
    Database &m_database;
    const Clock &m_clock;
    QUrl m_publicUrl;
};

} // namespace moim::server
