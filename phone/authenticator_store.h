#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace moim::phone {

// The phone's authenticator: TOTP accounts added from otpauth:// URIs, kept in the phone
// profile's folder in a file only its owner can read (as an app keeps them in its sandbox).
class AuthenticatorStore
{
public:
    struct Entry
    {
        QString label; // "Moim:jimin.kim@moim.example"
        QByteArray secret;
    };

    explicit AuthenticatorStore(QString profileDir);

    QList<Entry> entries() const;
    // Adds or replaces the entry with the same label.
    bool add(const Entry &entry) const;
    // The entry whose label contains account (case-insensitive); with an empty account, the
    // only entry. nullopt when none or several match.
    std::optional<Entry> find(const QString &account) const;

private:
    QString filePath() const;

    QString m_profileDir;
};

} // namespace moim::phone
