#include "email_address.h"

namespace moim::server {

QString EmailAddress::normalise(const QString &email)
{
    return email.trimmed().normalized(QString::NormalizationForm_C).toLower();
}

} // namespace moim::server
