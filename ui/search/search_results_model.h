#pragma once

#include "chat/message.h"
#include "search/search_text.h"

#include <QAbstractListModel>
#include <QDateTime>

namespace moim::ui {

// A message found, as the message search reports it.
struct FoundMessage
{
    Message message;
    QString workspaceId;
    bool fromServer = false;
};

// A person whose name, initials or address matches the words searched for.
struct FoundPerson
{
    QString id;
    QString workspaceId;
    QString workspaceName;
    QString name;
    QString email;
};

// The search panel's rows: a short "People" section, then the messages, newest first. Each
// message row knows where it was written (conversation, workspace) and where the words occur.
class SearchResultsModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        IsPersonRole = Qt::UserRole + 1,
        SectionTitleRole, // the section's title on its first row, else empty
        AuthorIdRole,     // the author, or the person
        ConversationRole, // "# general" or the other person's name
        WorkspaceRole,    // the workspace's name
        TimeRole,         // QDateTime, local
        BodyRole,         // one line, cut to start near the first match
        DetailRole,       // a person's address
    };

    // Names the model shows for ids it is given.
    struct Place
    {
        QString conversationName;
        bool direct = false;
        QString workspaceName;
    };
    using PlaceOf = std::function<Place(const QString &workspaceId, const QString &conversationId)>;

    explicit SearchResultsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    void setPlaceOf(PlaceOf placeOf) { m_placeOf = std::move(placeOf); }
    // The words whose occurrences are highlighted.
    void setTerms(const QStringList &terms);
    void setPeople(QList<FoundPerson> people);
    void setMessages(QList<FoundMessage> messages);
    void clear();

    int peopleCount() const { return int(m_people.size()); }
    int messageCount() const { return int(m_messages.size()); }
    bool isPerson(int row) const { return row < m_people.size(); }
    const FoundPerson &person(int row) const { return m_people.at(row); }
    const FoundMessage &message(int row) const { return m_messages.at(row - m_people.size()); }
    // Where the terms occur in BodyRole's text.
    QList<search::MatchRange> matches(int row) const;

    // The excerpt of a long text shown in one row: from a little before the first match, so the
    // match is on screen; line breaks as spaces.
    static QString excerpt(const QString &body, const QStringList &terms);

private:
    QStringList m_terms;
    QList<FoundPerson> m_people;
    QList<FoundMessage> m_messages;
    QList<QString> m_excerpts; // by message
    PlaceOf m_placeOf;
};

} // namespace moim::ui
