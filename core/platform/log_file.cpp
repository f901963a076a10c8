#include "log_file.h"

#include "storage/profile.h"

#include <QDateTime>
#include <QDir>
#include <QLoggingCategory>
#include <QRegularExpression>

namespace moim {

using namespace Qt::StringLiterals;

namespace {

// Qt's message handler is a plain function: it finds the installed log through this.
LogFile *g_installed = nullptr;

void handleMessage(QtMsgType type, const QMessageLogContext &context, const QString &message);

QString levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return u"debug"_s;
    case QtInfoMsg:
        return u"info"_s;
    case QtWarningMsg:
        return u"warning"_s;
    case QtCriticalMsg:
        return u"critical"_s;
    case QtFatalMsg:
        return u"fatal"_s;
    }
    return u"info"_s;
}

} // namespace

QString LogFile::defaultDirectory(const QString &profileName)
{
    QString state = qEnvironmentVariable("XDG_STATE_HOME");
    // The specification: a relative path is invalid and is ignored.
    if (state.isEmpty() || QDir::isRelativePath(state))
        state = QDir::homePath() + u"/.local/state"_s;
    return state + u"/moim/"_s + profileName;
}

LogFile::LogFile(QString directory, qint64 maxBytes, int keptFiles)
    : m_directory(std::move(directory))
    , m_maxBytes(maxBytes)
    , m_keptFiles(std::max(1, keptFiles))
{}

LogFile::~LogFile()
{
    if (g_installed == this) {
        qInstallMessageHandler(m_previous);
        g_installed = nullptr;
    }
}

QString LogFile::filePath() const
{
    return m_directory + u"/moim.log"_s;
}

bool LogFile::open()
{
    QMutexLocker lock(&m_mutex);
    if (!Profile::ensurePrivateDir(m_directory))
        return false;
    m_file.setFileName(filePath());
    if (m_file.exists() && m_file.size() >= m_maxBytes)
        rotate();
    if (!m_file.isOpen() && !m_file.open(QIODevice::WriteOnly | QIODevice::Append))
        return false;
    m_file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return true;
}

void LogFile::install(bool verbose)
{
    m_verbose = verbose;
    QLoggingCategory::setFilterRules(verbose ? u"moim.*.debug=true"_s : u"moim.*.debug=false"_s);
    g_installed = this;
    m_previous = qInstallMessageHandler(handleMessage);
}

void LogFile::rotate()
{
    // moim.log.N-1 → moim.log.N … moim.log → moim.log.1; the oldest falls off the end.
    m_file.close();
    const QString base = filePath();
    QFile::remove(base + u'.' + QString::number(m_keptFiles));
    for (int i = m_keptFiles - 1; i >= 1; --i)
        QFile::rename(base + u'.' + QString::number(i), base + u'.' + QString::number(i + 1));
    QFile::rename(base, base + u".1"_s);
    if (m_file.open(QIODevice::WriteOnly | QIODevice::Append))
        m_file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

void LogFile::write(QtMsgType type, const QString &category, const QString &message)
{
    append(type, category, redact(message));
}

void LogFile::append(QtMsgType type, const QString &category, const QString &redacted)
{
    const QString line = QDateTime::currentDateTime().toString(Qt::ISODateWithMs) + u' ' +
                         levelName(type) + u' ' + category + u": "_s + redacted + u'\n';
    QMutexLocker lock(&m_mutex);
    if (!m_file.isOpen())
        return;
    const QByteArray bytes = line.toUtf8();
    if (m_file.size() + bytes.size() > m_maxBytes && m_file.size() > 0)
        rotate();
    m_file.write(bytes);
    m_file.flush(); // a crash right after must not lose what led to it
}

void LogFile::handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString category =
        context.category ? QString::fromLatin1(context.category) : u"default"_s;
    const QString redacted = redact(message);
    append(type, category, redacted);
    if (m_previous && (m_verbose || (type != QtDebugMsg && type != QtInfoMsg)))
        m_previous(type, context, redacted);
}

QString LogFile::redact(const QString &message)
{
    static const QString hidden = u"[redacted]"_s;
    static const QList<QPair<QRegularExpression, QString>> rules{
        // Authorization: Bearer <token>
        {QRegularExpression(u"(Bearer\\s+)[^\\s\"',;]+"_s,
                            QRegularExpression::CaseInsensitiveOption),
         u"\\1"_s + hidden},
        // moim://invite/<token>, moim://reset/<token> and any other moim:// link with a token
        {QRegularExpression(u"(moim://[A-Za-z-]+/)[^\\s\"'<>]+"_s), u"\\1"_s + hidden},
        // "access_token": "…", "password":"…", "secret" : "…", "code": "123456"
        {QRegularExpression(u"(\"[A-Za-z_]*(?:token|password|secret|code)s?\"\\s*:\\s*)"
                            "(?:\"(?:[^\"\\\\]|\\\\.)*\"|\\[[^\\]]*\\]|[0-9]+)"_s,
                            QRegularExpression::CaseInsensitiveOption),
         u"\\1\""_s + hidden + u'"'},
        // token=…, secret=… (query strings, otpauth:// URIs), password=…
        {QRegularExpression(u"\\b([A-Za-z_]*(?:token|password|secret|code)=)[^&\\s\"']+"_s,
                            QRegularExpression::CaseInsensitiveOption),
         u"\\1"_s + hidden},
    };
    QString text = message;
    for (const auto &[pattern, replacement] : rules)
        text.replace(pattern, replacement);
    return text;
}

namespace {

void handleMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (LogFile *log = g_installed)
        log->handle(type, context, message);
}

} // namespace

} // namespace moim
