#pragma once

#include <QFile>
#include <QMutex>
#include <QString>

namespace moim {

// Moim's log on disk: $XDG_STATE_HOME/moim/<profile>/moim.log (Qt 6.4 has no StateLocation),
// in a private folder, rotated by size (moim.log.1 … moim.log.N), every line passed through
// redact() so no token, password or link secret reaches the disk. Info and above by default;
// --verbose adds Moim's debug output and copies every line to stderr.
class LogFile
{
public:
    static constexpr qint64 DefaultMaxBytes = 1024 * 1024;
    static constexpr int DefaultKeptFiles = 3;

    // $XDG_STATE_HOME (or ~/.local/state) + /moim/<profile>.
    static QString defaultDirectory(const QString &profileName);

    explicit LogFile(QString directory, qint64 maxBytes = DefaultMaxBytes,
                     int keptFiles = DefaultKeptFiles);
    ~LogFile();
    LogFile(const LogFile &) = delete;
    LogFile &operator=(const LogFile &) = delete;

    QString filePath() const;
    // Creates the folder (0700) and opens the file for appending; false when it cannot.
    bool open();
    // Makes this the process's Qt message handler and sets the level. One at a time.
    void install(bool verbose);

    // Appends one line (thread-safe), rotating first when the file is full.
    void write(QtMsgType type, const QString &category, const QString &message);
    // What the installed handler does with each message: the file, and stderr for warnings
    // (for everything when verbose), both redacted.
    void handle(QtMsgType type, const QMessageLogContext &context, const QString &message);

    // Blanks what must never be logged: bearer tokens, tokens of moim:// links, the secret of
    // otpauth:// URIs, and token/password/secret/code fields in JSON or query strings.
    static QString redact(const QString &message);

private:
    void append(QtMsgType type, const QString &category, const QString &redacted);
    void rotate();

    QString m_directory;
    qint64 m_maxBytes;
    int m_keptFiles;
    QFile m_file;
    QMutex m_mutex;
    bool m_verbose = false;
    QtMessageHandler m_previous = nullptr;
};

} // namespace moim
