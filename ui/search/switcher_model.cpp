#include "switcher_model.h"

#include <algorithm>

namespace moim::ui {

using namespace Qt::StringLiterals;

namespace {

QList<search::MatchableName> matchable(const QStringList &texts)
{
    QList<search::MatchableName> names;
    for (const QString &text : texts) {
        if (!text.isEmpty())
            names.append(search::MatchableName(text));
    }
    return names;
}

// Among equal matches: workspaces, then conversations, then people.
int kindOrder(SwitcherEntry::Kind kind)
{
    return int(kind);
}

} // namespace

SwitcherEntry SwitcherEntry::workspace(const QString &id, const QString &name,
                                       const QString &otherName, const QString &color,
                                       const QString &initials)
{
    SwitcherEntry entry;
    entry.kind = Kind::Workspace;
    entry.id = id;
    entry.workspaceId = id;
    entry.name = name;
    entry.detail = otherName == name ? QString() : otherName;
    entry.color = color;
    entry.initials = initials;
    entry.key = u"w:"_s + id;
    entry.names = matchable({name, entry.detail});
    return entry;
}

SwitcherEntry SwitcherEntry::conversation(const QString &id, const QString &workspaceId,
                                          const QString &name, const QString &workspaceName,
                                          bool direct, bool isPrivate, qint64 lastActivity)
{
    SwitcherEntry entry;
    entry.kind = Kind::Conversation;
    entry.id = id;
    entry.workspaceId = workspaceId;
    entry.name = name;
    entry.where = workspaceName;
    entry.direct = direct;
    entry.isPrivate = isPrivate;
    entry.lastActivity = lastActivity;
    entry.key = u"c:"_s + id;
    entry.names = matchable({name});
    return entry;
}

SwitcherEntry SwitcherEntry::person(const QString &id, const QString &workspaceId,
                                    const QString &name, const QString &email,
                                    const QString &workspaceName)
{
    SwitcherEntry entry;
    entry.kind = Kind::Person;
    entry.id = id;
    entry.workspaceId = workspaceId;
    entry.name = name;
    entry.detail = email;
    entry.where = workspaceName;
    entry.key = u"p:"_s + workspaceId + u'/' + id;
    entry.names = matchable({name, email});
    return entry;
}

int SwitcherModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant SwitcherModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const SwitcherEntry &entry = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return entry.name;
    case Qt::AccessibleTextRole:
        switch (entry.kind) {
        case SwitcherEntry::Kind::Workspace:
            return tr("%1, workspace").arg(entry.name);
        case SwitcherEntry::Kind::Conversation:
            return entry.direct ? tr("%1, direct message in %2").arg(entry.name, entry.where)
                                : tr("%1, channel in %2").arg(entry.name, entry.where);
        case SwitcherEntry::Kind::Person:
            return tr("%1, person in %2").arg(entry.name, entry.where);
        }
        return {};
    case KindRole:
        return int(entry.kind);
    case IdRole:
        return entry.id;
    case WorkspaceIdRole:
        return entry.workspaceId;
    case WhereRole:
        return entry.where;
    case DetailRole:
        return entry.detail;
    case ColorRole:
        return entry.color;
    case InitialsRole:
        return entry.initials;
    case DirectRole:
        return entry.direct;
    case PrivateRole:
        return entry.isPrivate;
    default:
        return {};
    }
}

void SwitcherModel::setPlaces(QList<SwitcherEntry> places)
{
    m_places = std::move(places);
    m_directNames.clear();
    for (const SwitcherEntry &place : std::as_const(m_places)) {
        if (place.direct)
            m_directNames.insert(place.workspaceId + u'\n' + place.name);
    }
    refilter();
}

void SwitcherModel::setPeople(const QString &workspaceId, QList<SwitcherEntry> people)
{
    m_people.insert(workspaceId, std::move(people));
    refilter();
}

void SwitcherModel::setRecent(const QStringList &keys)
{
    m_recent = keys.mid(0, MaxRecent);
    m_recentRank.clear();
    for (int i = 0; i < m_recent.size(); ++i)
        m_recentRank.insert(m_recent.at(i), i);
    refilter();
}

void SwitcherModel::recordUse(const SwitcherEntry &entry)
{
    QStringList keys = m_recent;
    keys.removeAll(entry.key);
    keys.prepend(entry.key);
    setRecent(keys);
}

void SwitcherModel::setQuery(const QString &query)
{
    if (query == m_query)
        return;
    m_query = query;
    refilter();
}

qsizetype SwitcherModel::candidateCount() const
{
    qsizetype count = m_places.size();
    for (const QList<SwitcherEntry> &people : m_people)
        count += people.size();
    return count;
}

int SwitcherModel::recencyBonus(const SwitcherEntry &entry) const
{
    // Enough to lift a recent place over an unused one matched the same way, never enough to
    // lift a weak match (a few initials) over the exact name.
    const int rank = m_recentRank.value(entry.key, -1);
    return rank < 0 ? 0 : 200 - 4 * rank;
}

void SwitcherModel::refilter()
{
    struct Hit
    {
        int rank;
        const SwitcherEntry *entry;
    };
    std::vector<Hit> hits;
    const auto consider = [&](const QList<SwitcherEntry> &entries, auto &&rankOf) {
        for (const SwitcherEntry &entry : entries) {
            const int rank = rankOf(entry);
            if (rank <= 0)
                continue;
            if (entry.kind == SwitcherEntry::Kind::Person && !m_directNames.isEmpty() &&
                m_directNames.contains(entry.workspaceId + u'\n' + entry.name))
                continue;
            hits.push_back({rank, &entry});
        }
    };
    const search::NameQuery query(m_query);
    if (query.isEmpty()) {
        // Nothing typed: where the user went lately, then where something happened lately.
        const auto rankOf = [this](const SwitcherEntry &entry) {
            const int recent = m_recentRank.value(entry.key, -1);
            if (recent >= 0)
                return 1000 - recent;
            switch (entry.kind) {
            case SwitcherEntry::Kind::Conversation:
                return 2;
            case SwitcherEntry::Kind::Workspace:
                return 1;
            case SwitcherEntry::Kind::Person:
                break;
            }
            return 0;
        };
        consider(m_places, rankOf);
        for (const QList<SwitcherEntry> &people : std::as_const(m_people))
            consider(people, rankOf);
    } else {
        const auto rankOf = [this, &query](const SwitcherEntry &entry) {
            int best = 0;
            for (const search::MatchableName &name : entry.names)
                best = std::max(best, name.score(query));
            return best > 0 ? best + recencyBonus(entry) : 0;
        };
        consider(m_places, rankOf);
        for (const QList<SwitcherEntry> &people : std::as_const(m_people))
            consider(people, rankOf);
    }
    const auto before = [](const Hit &a, const Hit &b) {
        if (a.rank != b.rank)
            return a.rank > b.rank;
        if (a.entry->kind != b.entry->kind)
            return kindOrder(a.entry->kind) < kindOrder(b.entry->kind);
        if (a.entry->lastActivity != b.entry->lastActivity)
            return a.entry->lastActivity > b.entry->lastActivity;
        return a.entry->name < b.entry->name;
    };
    const auto shown = hits.begin() + std::min<qsizetype>(MaxRows, qsizetype(hits.size()));
    std::partial_sort(hits.begin(), shown, hits.end(), before);
    beginResetModel();
    m_rows.clear();
    for (auto hit = hits.begin(); hit != shown; ++hit)
        m_rows.append(*hit->entry);
    endResetModel();
}

} // namespace moim::ui
