#pragma once

#include <QString>
#include <QStringList>

namespace moim::server {

class Database;

// One-time recovery codes: 10 per account, 80 bits each from the CSPRNG, written as four groups
// of four base32 characters ("K7QM-2XRD-94TB-WHNE"). Only SHA-256 hashes are stored (the codes
// are random, so a slow hash adds nothing); regenerating replaces the whole set.
class RecoveryCodes
{
public:
    explicit RecoveryCodes(Database &database);

    // A new set for the user; the old one stops working. Empty on a database failure.
    QStringList regenerate(const QString &userId);
    int remaining(const QString &userId) const;
    void removeAll(const QString &userId);

    // Upper case without separators; empty when it cannot be a recovery code.
    static QString normalise(const QString &code);

private:
    Database &m_database;
};

} // namespace moim::server
