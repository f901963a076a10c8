#pragma once

#include <QString>
#include <optional>

namespace moim::server {

// A client's "<product>/<version>" as sent in X-Moim-Client, and semantic version ordering
// (numeric major.minor.patch; a pre-release such as 0.2.0-beta.1 sorts before 0.2.0).
class ClientVersion
{
public:
    static std::optional<ClientVersion> fromHeader(const QString &header);

    QString product() const { return m_product; }
    QString version() const { return m_version; }

    // True when version is a well-formed semantic version.
    static bool isValid(const QString &version);
    // <0, 0, >0 like strcmp. Both must be valid.
    static int compare(const QString &a, const QString &b);

private:
    QString m_product;
    QString m_version;
};

} // namespace moim::server
