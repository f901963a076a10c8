#include "login_secret.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QRandomGenerator>

namespace moim {

namespace {

QString base64Url(const QByteArray &bytes)
{
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

QString LoginSecret::generate()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()),
                                          bytes.size() / int(sizeof(quint32)));
    return base64Url(bytes);
}

QString LoginSecret::hashOf(const QString &secret)
{
    return base64Url(QCryptographicHash::hash(secret.toUtf8(), QCryptographicHash::Sha256));
}

} // namespace moim
