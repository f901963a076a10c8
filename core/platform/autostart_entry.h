#pragma once

#include <QString>
#include <QStringList>

namespace moim {

// "Start Moim when I log in": an XDG autostart entry ($XDG_CONFIG_HOME/autostart) that starts
// this profile's Moim in the background. The file itself is the setting: desktops read it, and
// a user who switches it off in their desktop's own settings sees it off here too.
class AutostartEntry
{
public:
    // `program` is the executable the entry starts (normally the running Moim's own path).
    AutostartEntry(QString profileName, QString program);

    // moim.desktop for the default profile, moim-<profile>.desktop for the others.
    QString filePath() const;
    // True when the entry exists and the desktop would run it (not Hidden, not switched off).
    bool isEnabled() const;
    // Writes or removes the entry; false with a reason in `error` when the folder refuses.
    bool setEnabled(bool enabled, QString *error = nullptr) const;

    // The entry's text, as written.
    QString contents() const;
    // The command line of Exec=: the program, --background and the profile, quoted per the
    // Desktop Entry Specification.
    QString execLine() const;
    QStringList arguments() const;

    // One argument of an Exec= value: quoted when it holds a reserved character, with `"`,
    // `` ` ``, `$` and `\` escaped inside the quotes, and `%` doubled (field codes).
    static QString quoteExecArgument(const QString &argument);

private:
    QString m_profileName;
    QString m_program;
};

} // namespace moim
