#pragma once

#include <QString>
#include <optional>

namespace moim::phone {

// The phone's sign-in to a personal account (the provider's own session, apart from the work
// session), kept like a mobile app keeps it: in the phone profile's folder, in a file only its
// owner can read.
class PersonalSession
{
public:
    struct Saved
    {
        QString token;
        qint64 expiresAt = 0;
        QString personalId;
        QString displayName;
    };

    explicit PersonalSession(QString profileDir);

    QString filePath() const;
    bool save(const Saved &session) const;
    std::optional<Saved> load() const;

private:
    QString m_profileDir;
};

} // namespace moim::phone
