#pragma once

#include "search/initials.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>

namespace moim::ui {

// One place the quick switcher can jump to.
struct SwitcherEntry
{
    enum class Kind
    {
        Workspace,
        Conversation,
        Person
    };

    Kind kind = Kind::Conversation;
    QString id; // of the workspace, the conversation or the member
    QString workspaceId;
    QString name;
    QString where;    // the workspace's name; empty for a workspace itself
    QString detail;   // an English name or an address, matched too and shown muted
    QString color;    // a workspace's tile colour
    QString initials; // a workspace's tile text
    bool direct = false;
    bool isPrivate = false;
    qint64 lastActivity = 0;
    // Remembered among the recently used by this key (kind, workspace and id).
    QString key;
    QList<search::MatchableName> names; // the name and the detail, folded once

    static SwitcherEntry workspace(const QString &id, const QString &name, const QString &otherName,
                                   const QString &color, const QString &initials);
    static SwitcherEntry conversation(const QString &id, const QString &workspaceId,
                                      const QString &name, const QString &workspaceName,
                                      bool direct, bool isPrivate, qint64 lastActivity);
    static SwitcherEntry person(const QString &id, const QString &workspaceId, const QString &name,
                                const QString &email, const QString &workspaceName);
};

// What the quick switcher lists for the typed text: workspaces, conversations and people, best
// match first and the recently used before others; with nothing typed, the recently used and
// then the conversations with the latest activity. Scoring is done on names folded once, so a
// keystroke over tens of thousands of names stays within a frame.
class SwitcherModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        KindRole = Qt::UserRole + 1, // SwitcherEntry::Kind as int
        IdRole,
        WorkspaceIdRole,
        WhereRole,
        DetailRole,
        ColorRole,
        InitialsRole,
        DirectRole,
        PrivateRole,
    };

    // The rows shown at most: more is scrolling nobody does; typing more narrows instead.
    static constexpr int MaxRows = 50;
    // How many recently used places are remembered.
    static constexpr int MaxRecent = 30;

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // Workspaces and conversations, all at once.
    void setPlaces(QList<SwitcherEntry> places);
    // The members of one workspace, as they arrive.
    void setPeople(const QString &workspaceId, QList<SwitcherEntry> people);
    // Most recent first, by SwitcherEntry::key.
    void setRecent(const QStringList &keys);
    QStringList recent() const { return m_recent; }
    // Moves the entry to the front of the recently used.
    void recordUse(const SwitcherEntry &entry);

    void setQuery(const QString &query);
    QString query() const { return m_query; }
    const SwitcherEntry &entry(int row) const { return m_rows.at(row); }
    // Every entry that can be matched, not only the rows shown.
    qsizetype candidateCount() const;

private:
    void refilter();
    // Ranked above others that match as well: the more recent, the higher.
    int recencyBonus(const SwitcherEntry &entry) const;

    QList<SwitcherEntry> m_places;
    // A person already in a one-to-one conversation is listed once, as that conversation.
    QSet<QString> m_directNames;                   // workspace id and name
    QHash<QString, QList<SwitcherEntry>> m_people; // by workspace
    QStringList m_recent;
    QHash<QString, int> m_recentRank;
    QString m_query;
    QList<SwitcherEntry> m_rows;
};

} // namespace moim::ui
