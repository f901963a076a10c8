#include "search_results_model.h"

#include "common/date_text.h"

namespace moim::ui {

using namespace Qt::StringLiterals;

namespace {

// Characters kept before the first match when a long message is cut to show it.
constexpr int LeadIn = 24;

} // namespace

SearchResultsModel::SearchResultsModel(QObject *parent)
    : QAbstractListModel(parent)
{}

int SearchResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_people.size() + m_messages.size());
}

QString SearchResultsModel::excerpt(const QString &body, const QStringList &terms)
{
    QString text = body;
    for (QChar &c : text) {
        if (c == u'\n' || c == u'\r' || c == u'\t')
            c = u' ';
    }
    const QList<search::MatchRange> found = search::findMatches(text, terms);
    if (found.isEmpty() || found.first().start <= LeadIn * 2)
        return text;
    int start = found.first().start - LeadIn;
    // From the start of a word where there is one close by.
    const int space = int(text.lastIndexOf(u' ', found.first().start - 1));
    if (space >= start - LeadIn && space < found.first().start)
        start = space + 1;
    if (start > 0 && text.at(start).isLowSurrogate())
        --start;
    return u"…"_s + text.mid(start);
}

QList<search::MatchRange> SearchResultsModel::matches(int row) const
{
    if (isPerson(row))
        return search::findMatches(m_people.at(row).name, m_terms);
    return search::findMatches(m_excerpts.at(row - m_people.size()), m_terms);
}

QVariant SearchResultsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const int row = index.row();
    if (isPerson(row)) {
        const FoundPerson &person = m_people.at(row);
        switch (role) {
        case Qt::DisplayRole:
            return person.name;
        case Qt::AccessibleTextRole:
            // The address is on screen beside the name, so a screen reader says it too.
            return person.email.isEmpty()
                       ? tr("%1, person in %2. Press Enter to send a message.")
                             .arg(person.name, person.workspaceName)
                       : tr("%1, %2, person in %3. Press Enter to send a message.")
                             .arg(person.name, person.email, person.workspaceName);
        case IsPersonRole:
            return true;
        case SectionTitleRole:
            return row == 0 ? tr("People") : QString();
        case AuthorIdRole:
            return person.id;
        case WorkspaceRole:
            return person.workspaceName;
        case DetailRole:
            return person.email;
        default:
            return {};
        }
    }
    const FoundMessage &found = m_messages.at(row - m_people.size());
    const Place place =
        m_placeOf ? m_placeOf(found.workspaceId, found.message.conversationId) : Place{};
    const QString conversation = place.conversationName.isEmpty() || place.direct
                                     ? place.conversationName
                                     : u"# "_s + place.conversationName;
    switch (role) {
    case Qt::DisplayRole:
        return found.message.authorName;
    case Qt::AccessibleTextRole:
        return tr("%1 in %2, %3, %4: %5")
            .arg(found.message.authorName, conversation, place.workspaceName,
                 DateText::moment(QDateTime::fromSecsSinceEpoch(found.message.createdAt),
                                  QDateTime::currentDateTime()),
                 found.message.body);
    case IsPersonRole:
        return false;
    case SectionTitleRole:
        return row == m_people.size() && !m_people.isEmpty() ? tr("Messages") : QString();
    case AuthorIdRole:
        return found.message.authorId;
    case ConversationRole:
        return conversation;
    case WorkspaceRole:
        return place.workspaceName;
    case TimeRole:
        return QDateTime::fromSecsSinceEpoch(found.message.createdAt);
    case BodyRole:
        return m_excerpts.at(row - m_people.size());
    default:
        return {};
    }
}

void SearchResultsModel::setTerms(const QStringList &terms)
{
    beginResetModel();
    m_terms = terms;
    m_excerpts.clear();
    for (const FoundMessage &found : std::as_const(m_messages))
        m_excerpts.append(excerpt(found.message.body, m_terms));
    endResetModel();
}

void SearchResultsModel::setPeople(QList<FoundPerson> people)
{
    beginResetModel();
    m_people = std::move(people);
    endResetModel();
}

void SearchResultsModel::setMessages(QList<FoundMessage> messages)
{
    beginResetModel();
    m_messages = std::move(messages);
    m_excerpts.clear();
    for (const FoundMessage &found : std::as_const(m_messages))
        m_excerpts.append(excerpt(found.message.body, m_terms));
    endResetModel();
}

void SearchResultsModel::clear()
{
    beginResetModel();
    m_people.clear();
    m_messages.clear();
    m_excerpts.clear();
    endResetModel();
}

} // namespace moim::ui
