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
// HTML (with the mail's own links clickable and everything else escaped) and as JSON. A mail
// that carries a one-time link (invitation, password reset) keeps the link's token only while
// the link works: once it is used, withdrawn, replaced or expired, the token is cut out of the
// stored mail, so the mailbox never holds a key to an account for longer than it must.
class Mailbox
{
public:
    // The secret a mail's links carry, and until when the link works. (No member initialisers:
    // an empty one is the default argument of send().)
    struct LinkSecret
    {
        QString token;
        qint64 expiresAt;
    };
    // What stands in a mail where a link's token was.
    static constexpr auto SpentLinkMarker = "[사용할 수 없는 링크 · link no longer valid]";

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

    // keep: whether mails are kept at all (the dev mailbox is on); without it a mail is only
    // logged, so no link to an account sits in the database for nobody to read.
    Mailbox(Database &database, const Clock &clock, bool keep);

    // Where the server is reachable, for links in mails (the landing page).
    void setPublicUrl(const QUrl &url) { m_publicUrl = url; }
    QUrl publicUrl() const { return m_publicUrl; }

    void send(const QString &recipient, const QString &kind, const QString &subject,
              const QString &body, const QStringList &links, const LinkSecret &secret = {});
    // The link whose token has this SHA-256 no longer works: cut its token out of every mail.
    void forgetLink(const QByteArray &tokenHash);
    // Cuts the tokens of expired links out of their mails.
    void forgetExpiredLinks();
    QList<Mail> newestFirst(int limit = 200) const;
    QJsonArray toJson() const;
    QString toHtml() const;

private:
    Database &m_database;
    const Clock &m_clock;
    bool m_keep;
    QUrl m_publicUrl;
};

} // namespace moim::server
