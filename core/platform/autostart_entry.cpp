#include "autostart_entry.h"

#include "storage/profile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTextStream>

namespace moim {

using namespace Qt::StringLiterals;

namespace {

// Desktop Entry "string" values escape these characters; Exec= values are strings too, so an
// escaped argument is escaped once more as a string.
QString escapeStringValue(const QString &value)
{
    QString escaped;
    escaped.reserve(value.size());
    for (const QChar c : value) {
        if (c == u'\\')
            escaped += "\\\\"_L1;
        else if (c == u'\n')
            escaped += "\\n"_L1;
        else if (c == u'\t')
            escaped += "\\t"_L1;
        else if (c == u'\r')
            escaped += "\\r"_L1;
        else
            escaped += c;
    }
    return escaped;
}

// The keys of [Desktop Entry] that decide whether a desktop runs the entry.
bool entryIsSwitchedOff(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return true;
    QTextStream in(&file);
    bool inMainGroup = false;
    while (!in.atEnd()) {
        const QString line = in.readLine().trimmed();
        if (line.startsWith(u'[')) {
            inMainGroup = line == "[Desktop Entry]"_L1;
            continue;
        }
        if (!inMainGroup)
            continue;
        const qsizetype equals = line.indexOf(u'=');
        if (equals < 0)
            continue;
        const QString key = line.left(equals).trimmed();
        const QString value = line.mid(equals + 1).trimmed();
        if ((key == "Hidden"_L1 && value == "true"_L1) ||
            (key == "X-GNOME-Autostart-enabled"_L1 && value == "false"_L1))
            return true;
    }
    return false;
}

} // namespace

AutostartEntry::AutostartEntry(QString profileName, QString program)
    : m_profileName(std::move(profileName))
    , m_program(std::move(program))
{}

QString AutostartEntry::filePath() const
{
    const QString config = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    const QString name = m_profileName == QLatin1StringView(Profile::DefaultName)
                             ? u"moim.desktop"_s
                             : u"moim-%1.desktop"_s.arg(m_profileName);
    return config + u"/autostart/"_s + name;
}

bool AutostartEntry::isEnabled() const
{
    return QFileInfo::exists(filePath()) && !entryIsSwitchedOff(filePath());
}

QStringList AutostartEntry::arguments() const
{
    QStringList arguments{m_program, u"--background"_s};
    if (m_profileName != QLatin1StringView(Profile::DefaultName))
        arguments << u"--profile"_s << m_profileName;
    return arguments;
}

QString AutostartEntry::quoteExecArgument(const QString &argument)
{
    static const QString reserved = u" \t\n\"'\\><~|&;$*?#()`"_s;
    QString doubled = argument;
    doubled.replace(u'%', "%%"_L1);
    bool needsQuotes = doubled.isEmpty();
    for (const QChar c : doubled) {
        if (reserved.contains(c)) {
            needsQuotes = true;
            break;
        }
    }
    if (!needsQuotes)
        return doubled;
    QString quoted = u"\""_s;
    for (const QChar c : doubled) {
        if (c == u'"' || c == u'`' || c == u'$' || c == u'\\')
            quoted += u'\\';
        quoted += c;
    }
    quoted += u'"';
    return quoted;
}

QString AutostartEntry::execLine() const
{
    QStringList quoted;
    for (const QString &argument : arguments())
        quoted << quoteExecArgument(argument);
    return quoted.join(u' ');
}

QString AutostartEntry::contents() const
{
    // Names and comments in both of Moim's languages, the way the desktop expects them.
    QString text = u"[Desktop Entry]\n"
                   "Type=Application\n"
                   "Name=Moim\n"
                   "Name[ko]=모임\n"
                   "Comment=Start Moim in the background when you log in\n"
                   "Comment[ko]=로그인하면 모임을 백그라운드에서 시작합니다\n"
                   "Icon=moim\n"
                   "Terminal=false\n"
                   "X-GNOME-Autostart-enabled=true\n"_s;
    text += u"Exec="_s + escapeStringValue(execLine()) + u'\n';
    return text;
}

bool AutostartEntry::setEnabled(bool enabled, QString *error) const
{
    const QString path = filePath();
    if (!enabled) {
        if (!QFileInfo::exists(path) || QFile::remove(path))
            return true;
        if (error)
            *error = u"cannot remove %1"_s.arg(path);
        return false;
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        if (error)
            *error = u"cannot create %1"_s.arg(QFileInfo(path).absolutePath());
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents().toUtf8()) < 0 || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace moim
