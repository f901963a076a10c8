#include "search_panel.h"

#include "account/account.h"
#include "common/accessible_fields.h"
#include "common/korean_particles.h"
#include "common/notice.h"
#include "conversations/conversation_dialogs.h"
#include "language.h"
#include "search_result_delegate.h"
#include "theme/theme.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QMouseEvent>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

namespace moim::ui {

using namespace Qt::StringLiterals;

namespace {

// Long enough to let a word be typed, short enough to feel immediate.
constexpr int TypingPauseMs = 250;
constexpr int MaxPeople = 3;

} // namespace

SearchPanel::SearchPanel(Account *account, QWidget *parent)
    : QWidget(parent)
    , m_account(account)
    , m_field(new ComposingLineEdit(this))
    , m_scope(new QLabel(this))
    , m_status(new QLabel(this))
    , m_list(new QListView(this))
    , m_typingPause(new QTimer(this))
{
    setObjectName(u"SearchPanel"_s);
    m_field->setObjectName(u"SearchField"_s);
    m_field->setClearButtonEnabled(true);
    m_field->installEventFilter(this);
    setRole(m_scope, "searchScope");
    setRole(m_status, "muted");
    for (QLabel *label : {m_scope, m_status})
        label->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_list->setObjectName(u"SearchResults"_s);
    m_list->setModel(&m_model);
    m_list->setItemDelegate(new SearchResultDelegate(m_list));
    m_list->setMouseTracking(true);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->installEventFilter(this);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(Theme::SpaceXL, Theme::SpaceS, Theme::SpaceXL, Theme::SpaceS);
    top->setSpacing(Theme::SpaceM);
    top->addWidget(m_scope);
    top->addWidget(m_status, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(top);
    layout->addWidget(m_list, 1);

    m_model.setPlaceOf([this](const QString &workspaceId, const QString &conversationId) {
        SearchResultsModel::Place place;
        if (!m_account)
            return place;
        if (const auto conversation = m_account->conversation(conversationId)) {
            place.conversationName = conversation->name;
            place.direct = conversation->kind == Conversation::Kind::Direct;
        }
        const int row = m_account->workspaces()->indexOf(workspaceId);
        if (row >= 0)
            place.workspaceName =
                m_account->workspaces()->workspaces().at(row).shownName(showsEnglishNames());
        return place;
    });

    m_typingPause->setSingleShot(true);
    m_typingPause->setInterval(TypingPauseMs);
    connect(m_typingPause, &QTimer::timeout, this, &SearchPanel::searchNow);
    connect(m_field, &ComposingLineEdit::composingTextChanged, m_typingPause,
            qOverload<>(&QTimer::start));
    connect(m_field, &QLineEdit::returnPressed, this, &SearchPanel::searchNow);
    connect(m_list, &QListView::activated, this, &SearchPanel::activate);
    connect(m_list, &QListView::clicked, this, &SearchPanel::activate);
    connect(m_list->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (m_model.messageCount() > 0 && value >= m_list->verticalScrollBar()->maximum() - 64)
            Q_EMIT moreWanted();
    });
    retranslate();
}

void SearchPanel::begin(Scope scope, const QString &workspaceId, const QString &conversationId)
{
    const bool changed = scope != m_scopeKind || workspaceId != m_workspaceId ||
                         (scope == Scope::Conversation && conversationId != m_conversationId);
    m_scopeKind = scope;
    m_workspaceId = workspaceId;
    m_conversationId = scope == Scope::Conversation ? conversationId : QString();
    retranslate();
    loadMembers();
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
    if (changed && !m_field->text().trimmed().isEmpty())
        searchNow();
}

QStringList SearchPanel::workspacesInScope() const
{
    if (!m_account)
        return {};
    if (m_scopeKind == Scope::Conversation)
        return {m_workspaceId};
    QStringList ids;
    for (const Workspace &workspace : m_account->workspaces()->workspaces()) {
        if (workspace.available && workspace.locked.isEmpty())
            ids.append(workspace.id);
    }
    return ids;
}

void SearchPanel::loadMembers()
{
    if (!m_account || m_account->connection() != Account::Connection::Online)
        return;
    for (const QString &workspaceId : workspacesInScope()) {
        m_account->fetchMembers(workspaceId, this, [this, workspaceId](const ApiResult &result) {
            if (!result.ok())
                return; // people are found again at the next search
            m_members.removeIf(
                [&workspaceId](const Member &member) { return member.workspaceId == workspaceId; });
            for (const QJsonValue &value : result.body.value("members"_L1).toArray()) {
                const QJsonObject object = value.toObject();
                Member member;
                member.id = object.value("id"_L1).toString();
                member.name = object.value("display_name"_L1).toString();
                member.email = object.value("email"_L1).toString();
                member.workspaceId = workspaceId;
                member.matchable = search::MatchableName(member.name);
                member.matchableEmail = search::MatchableName(member.email);
                if (!member.id.isEmpty())
                    m_members.append(member);
            }
            if (!m_searched.isEmpty() && m_filterProblem.isEmpty())
                updatePeople(search::SearchQuery::parse(m_searched));
        });
    }
}

void SearchPanel::searchNow()
{
    m_typingPause->stop();
    const QString typed = m_field->composingText().trimmed();
    if (typed == m_searched && m_state != State::Idle)
        return;
    m_filterProblem.clear();
    m_searched = typed;
    m_openingPerson.clear();
    if (typed.isEmpty()) {
        m_model.clear();
        m_state = State::Idle;
        showStatus();
        Q_EMIT searchCancelled();
        return;
    }
    const search::SearchQuery query = search::SearchQuery::parse(typed);
    Request request;
    request.query = query;
    request.workspaceIds = workspacesInScope();
    request.conversationId = m_conversationId;
    if (query.error.isEmpty() && !query.from.isEmpty()) {
        request.authorId = resolveMember(query.from);
        if (request.authorId.isEmpty())
            m_filterProblem = withKoreanParticles(
                m_scopeKind == Scope::Conversation
                    ? tr("No one called “%1” is in this workspace.").arg(query.from)
                    : tr("No one called “%1” is in your workspaces.").arg(query.from));
    }
    if (query.error.isEmpty() && m_filterProblem.isEmpty() && !query.in.isEmpty()) {
        request.conversationId = resolveConversation(query.in);
        if (request.conversationId.isEmpty())
            m_filterProblem =
                withKoreanParticles(tr("There is no conversation called “%1”.").arg(query.in));
    }
    if (!query.error.isEmpty())
        m_filterProblem = withKoreanParticles(query.error);
    else if (m_filterProblem.isEmpty() && query.terms.isEmpty() && !query.isEmpty())
        m_filterProblem = tr("Add a word to find as well as the filters.");
    if (!m_filterProblem.isEmpty() || query.isEmpty()) {
        m_model.clear();
        m_state = State::Idle;
        showStatus();
        Q_EMIT searchCancelled();
        return;
    }
    m_model.setMessages({});
    m_model.setTerms(query.terms);
    updatePeople(query);
    m_state = State::Searching;
    showStatus();
    Q_EMIT searchRequested(request);
}

void SearchPanel::updatePeople(const search::SearchQuery &query)
{
    // People only when searching everywhere by words alone: inside a conversation, or with
    // filters, the user is after messages.
    QList<FoundPerson> people;
    const bool wanted = m_scopeKind == Scope::Everywhere && !query.terms.isEmpty() &&
                        query.from.isEmpty() && query.in.isEmpty() && !query.before.isValid() &&
                        !query.after.isValid();
    if (wanted && m_account) {
        const search::NameQuery name(query.terms.join(u' '));
        struct Hit
        {
            int score;
            const Member *member;
        };
        std::vector<Hit> hits;
        for (const Member &member : std::as_const(m_members)) {
            if (member.id == m_account->identity().id)
                continue;
            const int score =
                std::max(member.matchable.score(name), member.matchableEmail.score(name));
            if (score > 0)
                hits.push_back({score, &member});
        }
        std::stable_sort(hits.begin(), hits.end(),
                         [](const Hit &a, const Hit &b) { return a.score > b.score; });
        QSet<QString> seen;
        for (const Hit &hit : hits) {
            if (people.size() == MaxPeople)
                break;
            // One row a person, in the workspace on screen when they are in it.
            if (seen.contains(hit.member->id))
                continue;
            const Member *shown = hit.member;
            for (const Member &member : std::as_const(m_members)) {
                if (member.id == hit.member->id && member.workspaceId == m_workspaceId)
                    shown = &member;
            }
            seen.insert(shown->id);
            const int row = m_account->workspaces()->indexOf(shown->workspaceId);
            people.append({shown->id, shown->workspaceId,
                           row >= 0 ? m_account->workspaces()->workspaces().at(row).shownName(
                                          showsEnglishNames())
                                    : QString(),
                           shown->name, shown->email});
        }
    }
    m_model.setPeople(std::move(people));
    showStatus();
}

QString SearchPanel::resolveMember(const QString &typed) const
{
    QString wanted = typed.trimmed();
    if (wanted.startsWith(u'@'))
        wanted.remove(0, 1);
    const QStringList scope = workspacesInScope();
    for (const Member &member : m_members) {
        if (scope.contains(member.workspaceId) && !member.email.isEmpty() &&
            member.email.compare(wanted, Qt::CaseInsensitive) == 0)
            return member.id;
    }
    if (m_account && (wanted.compare(m_account->identity().email, Qt::CaseInsensitive) == 0 ||
                      wanted == m_account->identity().displayName))
        return m_account->identity().id;
    const search::NameQuery name(wanted);
    int best = 0;
    QString id;
    for (const Member &member : m_members) {
        if (!scope.contains(member.workspaceId))
            continue;
        const int score = member.matchable.score(name);
        if (score > best) {
            best = score;
            id = member.id;
        }
    }
    return id;
}

QString SearchPanel::resolveConversation(const QString &typed) const
{
    if (!m_account)
        return {};
    QString wanted = typed.trimmed();
    if (wanted.startsWith(u'#'))
        wanted.remove(0, 1);
    int best = 0;
    QString id;
    for (const QString &workspaceId : workspacesInScope()) {
        for (const Conversation &conversation : m_account->conversations(workspaceId)) {
            // The conversation on screen wins a tie: "in:general" from Design Studio means its own.
            const int score = search::nameMatchScore(conversation.name, wanted) * 2 +
                              (workspaceId == m_workspaceId ? 1 : 0);
            if (score > best) {
                best = score;
                id = conversation.id;
            }
        }
    }
    return best > 1 ? id : QString();
}

void SearchPanel::setResults(QList<FoundMessage> results)
{
    const QModelIndex current = m_list->currentIndex();
    const int row = current.isValid() ? current.row() : -1;
    m_model.setMessages(std::move(results));
    // More results arriving keep the keyboard where it was.
    if (row >= 0 && row < m_model.rowCount())
        m_list->setCurrentIndex(m_model.index(row));
    showStatus();
}

void SearchPanel::setState(State state)
{
    m_state = state;
    showStatus();
}

void SearchPanel::showStatus()
{
    const int messages = m_model.messageCount();
    m_list->setAccessibleName(tr("Search results: %n message(s)", nullptr, messages) +
                              (m_model.peopleCount() > 0
                                   ? u", "_s + tr("%n person(s)", nullptr, m_model.peopleCount())
                                   : QString()));
    setRole(m_status, m_filterProblem.isEmpty() ? "muted" : "searchError");
    if (!m_filterProblem.isEmpty()) {
        m_status->setText(m_filterProblem);
        return;
    }
    const QString count = tr("%n message(s)", nullptr, messages);
    switch (m_state) {
    case State::Idle:
        m_status->setText(m_searched.isEmpty()
                              ? tr("Type words to find. Narrow with from:name, in:channel, "
                                   "before:2026-12-01 or after:2026-11-01.")
                              : QString());
        return;
    case State::Searching:
        m_status->setText(tr("Searching…"));
        return;
    case State::SearchingServer:
        m_status->setText(messages > 0 ? count + u" · "_s + tr("Searching the server…")
                                       : tr("Searching the server…"));
        return;
    case State::Offline:
        m_status->setText(messages > 0
                              ? count + u" · "_s + tr("Showing messages on this computer only")
                              : tr("Showing messages on this computer only"));
        return;
    case State::Failed:
        m_status->setText(tr("The server could not search just now. Showing messages on this "
                             "computer only."));
        return;
    case State::Done:
        if (messages == 0 && m_model.peopleCount() == 0)
            m_status->setText(tr("No messages match “%1”.").arg(m_searched));
        else
            m_status->setText(count);
        return;
    }
}

void SearchPanel::activate(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    if (m_model.isPerson(index.row())) {
        messagePerson(m_model.person(index.row()));
        return;
    }
    const FoundMessage &found = m_model.message(index.row());
    Q_EMIT messageChosen(found.workspaceId, found.message.conversationId, found.message.id,
                         found.message.seq);
}

void SearchPanel::messagePerson(const FoundPerson &person)
{
    if (!m_account)
        return;
    const QString key = person.workspaceId + u'/' + person.id;
    m_openingPerson = key;
    m_account->openDirect(
        person.workspaceId, {person.id}, this,
        [this, key, workspaceId = person.workspaceId](const ApiResult &result) {
            if (m_openingPerson != key)
                return;
            m_openingPerson.clear();
            if (!result.ok()) {
                m_filterProblem = conversationErrorText(result);
                showStatus();
                return;
            }
            Q_EMIT conversationChosen(
                workspaceId,
                result.body.value("conversation"_L1).toObject().value("id"_L1).toString());
        });
}

bool SearchPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    if (watched == m_field) {
        if (key->key() == Qt::Key_Down && m_model.rowCount() > 0) {
            if (m_typingPause->isActive())
                searchNow();
            m_list->setFocus(Qt::TabFocusReason);
            m_list->setCurrentIndex(m_model.index(0));
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            Q_EMIT closeRequested();
            return true;
        }
    } else if (watched == m_list) {
        switch (key->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
            activate(m_list->currentIndex());
            return true;
        case Qt::Key_Escape:
            m_field->setFocus(Qt::OtherFocusReason);
            return true;
        case Qt::Key_Up:
            if (m_list->currentIndex().row() <= 0) {
                m_field->setFocus(Qt::OtherFocusReason);
                return true;
            }
            break;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void SearchPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SearchPanel::retranslate()
{
    makeFieldButtonsAccessible(m_field, tr("Clear the search"));
    QString conversationName;
    bool direct = false;
    if (m_account && !m_conversationId.isEmpty()) {
        if (const auto conversation = m_account->conversation(m_conversationId)) {
            conversationName = conversation->name;
            direct = conversation->kind == Conversation::Kind::Direct;
        }
    }
    const QString shown = direct ? conversationName : u"#"_s + conversationName;
    if (m_scopeKind == Scope::Conversation) {
        m_scope->setText(tr("In %1").arg(shown));
        m_field->setPlaceholderText(tr("Search %1").arg(shown));
    } else {
        m_scope->setText(tr("All workspaces"));
        m_field->setPlaceholderText(tr("Search all workspaces"));
    }
    m_field->setAccessibleName(m_field->placeholderText());
    showStatus();
}

} // namespace moim::ui
