#pragma once

#include <QJsonObject>
#include <QString>

namespace moim {

// How a client describes itself when signing in. The server shows it to the user (and marks it
// as claimed, since any client can say anything).
struct DeviceInfo
{
    QString name;
    QString os;
    QString kind; // "desktop" or "mobile"

    static DeviceInfo thisMachine(const QString &kind);
    QJsonObject toJson() const;
};

} // namespace moim
