#pragma once

#include <QString>

namespace moim {

// One user profile on this machine (`--profile NAME`): its own settings, caches and keychain
// namespace. Folders are created private (0700) because they describe the user's work.
class Profile
{
public:
    static constexpr auto DefaultName = "default";

    // False for names that could escape their folder or confuse a keychain namespace.
    static bool isValidName(const QString &name);

    // Uses the XDG base folders of the environment; creates the folders on first use.
    explicit Profile(QString name = QString::fromLatin1(DefaultName));

    QString name() const { return m_name; }
    QString configDir() const { return m_configDir; }
    QString dataDir() const { return m_dataDir; }
    QString settingsFile() const;
    // Folder of one account's local cache, under dataDir().
    QString accountDir(const QString &accountId) const;

    // Creates the folder (and parents) if needed and makes it 0700.
    static bool ensurePrivateDir(const QString &path);

private:
    QString m_name;
    QString m_configDir;
    QString m_dataDir;
};

} // namespace moim
