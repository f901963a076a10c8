#pragma once

#include <QByteArray>
#include <QString>
#include <functional>

namespace moim::server {

class Clock;
class Database;

// Password-reset links (30 minutes, single use, token kept only as a hash), the limit of three
// reset mails an hour per address, and the devices an account has signed in from.
class ResetStore
{
public:
    static constexpr int ValiditySeconds = 30 * 60;
    static constexpr int MaxMailsPerHour = 3;

    enum class Status
    {
        Valid,
        Expired,
        Used,
        Unknown
    };

    ResetStore(Database &database, const Clock &clock);

    // Told the SHA-256 of a link's token when the link stops working before its expiry (used,
    // or ended with the account's other links), so whoever keeps a copy can let it go.
    using LinkEnded = std::function<void(const QByteArray &tokenHash)>;
    void setLinkEndedHandler(LinkEnded handler) { m_linkEnded = std::move(handler); }

    // Records a request for this address and says whether a mail may go out for it.
    bool admitRequest(const QString &normalisedEmail);
    QString create(const QString &userId);
    Status lookup(const QString &token, QString *userId, qint64 *expiresAt) const;
    // Single use: false when the link was used meanwhile.
    bool markUsed(const QString &token);
    // Ends every open link of the account (after a successful reset).
    void invalidateAll(const QString &userId);

    // True the first time this account signs in from this device.
    bool rememberDevice(const QString &userId, const QString &deviceKey);

private:
    Database &m_database;
    const Clock &m_clock;
    LinkEnded m_linkEnded;
};

} // namespace moim::server
