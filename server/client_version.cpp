#include "client_version.h"

#include <QList>
#include <QRegularExpression>

namespace moim::server {

namespace {

const QRegularExpression &semverPattern()
{
    // major.minor.patch with an optional pre-release; build metadata is ignored for ordering.
    static const QRegularExpression pattern(QStringLiteral(
        R"(^(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$)"));
    return pattern;
}

int compareIdentifiers(const QString &a, const QString &b)
{
    bool aNumeric = false;
    bool bNumeric = false;
    const qlonglong an = a.toLongLong(&aNumeric);
    const qlonglong bn = b.toLongLong(&bNumeric);
    if (aNumeric && bNumeric)
        return an < bn ? -1 : (an > bn ? 1 : 0);
    if (aNumeric != bNumeric)
        return aNumeric ? -1 : 1; // numeric identifiers sort before alphanumeric ones
    return a.compare(b);
}

} // namespace

std::optional<ClientVersion> ClientVersion::fromHeader(const QString &header)
{
    const qsizetype slash = header.indexOf(QLatin1Char('/'));
    if (slash <= 0)
        return std::nullopt;
    ClientVersion result;
    result.m_product = header.left(slash).trimmed();
    result.m_version = header.mid(slash + 1).trimmed();
    if (result.m_product.isEmpty() || !isValid(result.m_version))
        return std::nullopt;
    return result;
}

bool ClientVersion::isValid(const QString &version)
{
    return semverPattern().match(version).hasMatch();
}

int ClientVersion::compare(const QString &a, const QString &b)
{
    const auto ma = semverPattern().match(a);
    const auto mb = semverPattern().match(b);
    for (int part = 1; part <= 3; ++part) {
        const qlonglong pa = ma.captured(part).toLongLong();
        const qlonglong pb = mb.captured(part).toLongLong();
        if (pa != pb)
            return pa < pb ? -1 : 1;
    }
    const QString preA = ma.captured(4);
    const QString preB = mb.captured(4);
    if (preA.isEmpty() || preB.isEmpty())
        return preA.isEmpty() == preB.isEmpty() ? 0 : (preA.isEmpty() ? 1 : -1);
    const QStringList idsA = preA.split(QLatin1Char('.'));
    const QStringList idsB = preB.split(QLatin1Char('.'));
    for (qsizetype i = 0; i < qMin(idsA.size(), idsB.size()); ++i) {
        if (const int c = compareIdentifiers(idsA.at(i), idsB.at(i)); c != 0)
            return c;
    }
    return idsA.size() < idsB.size() ? -1 : (idsA.size() > idsB.size() ? 1 : 0);
}

} // namespace moim::server
