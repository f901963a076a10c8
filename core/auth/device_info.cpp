#include "device_info.h"

#include <QSysInfo>

namespace moim {

using namespace Qt::StringLiterals;

DeviceInfo DeviceInfo::thisMachine(const QString &kind)
{
    return {QSysInfo::machineHostName(), QSysInfo::prettyProductName(), kind};
}

QJsonObject DeviceInfo::toJson() const
{
    return {{u"name"_s, name}, {u"os"_s, os}, {u"kind"_s, kind}};
}

} // namespace moim
