#include "demo_seeder.h"

#include "clock.h"
#include "database.h"
#include "password_hasher.h"
#include "secure_token.h"
#include "server_logging.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QtConcurrent>

namespace moim::server {

using namespace Qt::StringLiterals;

namespace {

struct DemoUser
{
    QString key;
    QString email;
    QString name;
    bool deactivated;
};

struct DemoWorkspace
{
    QString key;
    QString name;
    QString nameEn;
    QString color;
    QStringList members; // user keys; "admin:" prefix marks an admin
};

struct DemoConversation
{
    QString workspace;
    QString kind;
    QString name;
    QString topic;
    QStringList participants; // for direct conversations
};

const QList<DemoUser> &demoUsers()
{
    static const QList<DemoUser> users = {
        {u"jimin"_s, u"jimin.kim@moim.example"_s, u"김지민"_s, false},
        {u"alex"_s, u"alex.park@moim.example"_s, u"Alex Park"_s, false},
        {u"seojun"_s, u"seojun.lee@moim.example"_s, u"이서준"_s, true},
        {u"minji"_s, u"minji.choi@moim.example"_s, u"최민지"_s, false},
        {u"daniel"_s, u"daniel.cho@moim.example"_s, u"Daniel Cho"_s, false},
        {u"hayoon"_s, u"hayoon.jung@moim.example"_s, u"정하윤"_s, false},
        {u"sarah"_s, u"sarah.lee@moim.example"_s, u"Sarah Lee"_s, false},
        {u"dohyun"_s, u"dohyun.han@moim.example"_s, u"한도현"_s, false},
        {u"emily"_s, u"emily.song@moim.example"_s, u"Emily Song"_s, false},
    };
    return users;
}

const QList<DemoWorkspace> &demoWorkspaces()
{
    static const QList<DemoWorkspace> workspaces = {
        {u"hq"_s,
         u"모임 본사"_s,
         u"Moim HQ"_s,
         u"#3B6FE0"_s,
         {u"jimin"_s, u"seojun"_s, u"admin:minji"_s, u"daniel"_s, u"dohyun"_s}},
        {u"design"_s,
         u"디자인 스튜디오"_s,
         u"Design Studio"_s,
         u"#D9485F"_s,
         {u"jimin"_s, u"admin:alex"_s, u"daniel"_s, u"hayoon"_s}},
        {u"seoul"_s,
         u"서울 개발팀"_s,
         u"Seoul Engineering"_s,
         u"#2F9E74"_s,
         {u"jimin"_s, u"admin:minji"_s, u"hayoon"_s, u"sarah"_s}},
        {u"busan"_s,
         u"부산 지사"_s,
         u"Busan Branch"_s,
         u"#E08A2B"_s,
         {u"admin:dohyun"_s, u"minji"_s, u"sarah"_s, u"emily"_s}},
    };
    return workspaces;
}

const QList<DemoConversation> &demoConversations()
{
    static const QList<DemoConversation> conversations = {
        {u"hq"_s, u"channel"_s, u"일반"_s, u"회사 전체 소식과 잡담"_s, {}},
        {u"hq"_s, u"channel"_s, u"공지사항"_s, u"전사 공지 (읽기 위주)"_s, {}},
        {u"hq"_s, u"channel"_s, u"random"_s, u"Anything goes"_s, {}},
        {u"hq"_s, u"direct"_s, {}, {}, {u"jimin"_s, u"minji"_s}},
        {u"hq"_s, u"direct"_s, {}, {}, {u"jimin"_s, u"dohyun"_s}},
        {u"design"_s, u"channel"_s, u"general"_s, u"Studio-wide chatter"_s, {}},
        {u"design"_s, u"channel"_s, u"공지사항"_s, u"스튜디오 공지"_s, {}},
        {u"design"_s, u"channel"_s, u"design-review"_s, u"Critiques, mock-ups, 시안 리뷰"_s, {}},
        {u"design"_s, u"direct"_s, {}, {}, {u"jimin"_s, u"alex"_s}},
        {u"design"_s, u"direct"_s, {}, {}, {u"alex"_s, u"hayoon"_s}},
        {u"seoul"_s, u"channel"_s, u"일반"_s, u"서울 개발팀 이야기"_s, {}},
        {u"seoul"_s, u"channel"_s, u"공지사항"_s, u"배포 일정과 점검 안내"_s, {}},
        {u"seoul"_s, u"channel"_s, u"random"_s, u"점심 메뉴, memes, 기타"_s, {}},
        {u"seoul"_s, u"channel"_s, u"deploys"_s, u"Release train and hotfixes"_s, {}},
        {u"seoul"_s, u"direct"_s, {}, {}, {u"jimin"_s, u"sarah"_s}},
        {u"busan"_s, u"channel"_s, u"일반"_s, u"부산 지사 소식"_s, {}},
        {u"busan"_s, u"channel"_s, u"공지사항"_s, u"지사 공지"_s, {}},
        {u"busan"_s, u"channel"_s, u"random"_s, u"바다 사진 환영"_s, {}},
        {u"busan"_s, u"direct"_s, {}, {}, {u"minji"_s, u"emily"_s}},
    };
    return conversations;
}

const QStringList &messageLines()
{
    static const QStringList lines = {
        u"좋은 아침입니다! 오늘도 잘 부탁드려요."_s,
        u"Morning! Coffee first, then stand-up."_s,
        u"회의록 공유드립니다. 확인 부탁드려요."_s,
        u"Thanks, I'll take a look after lunch."_s,
        u"이번 주 금요일까지 초안 마무리할게요."_s,
        u"Can we move the review to 3 pm?"_s,
        u"네, 3시 괜찮습니다 👍"_s,
        u"The build is green again."_s,
        u"점심 뭐 드실래요? 김치찌개 어때요?"_s,
        u"I pushed the fix, please re-test when you can."_s,
        u"고객사 미팅 자료 업데이트했습니다."_s,
        u"Great work on the release notes!"_s,
        u"내일 오전에 잠깐 통화 가능하세요?"_s,
        u"Sure, ping me any time before noon."_s,
        u"새 시안 올렸어요. 피드백 환영합니다."_s,
        u"Looks good to me, just one nit on spacing."_s,
        u"서버 점검은 오늘 밤 11시에 진행됩니다."_s,
        u"Reminder: quarterly planning on Thursday."_s,
        u"다들 고생 많으셨어요. 주말 잘 보내세요!"_s,
        u"Have a great weekend, everyone."_s,
        u"버그 재현 방법 정리해서 이슈에 남겼습니다."_s,
        u"Who owns the onboarding checklist now?"_s,
        u"제가 맡을게요."_s,
        u"Perfect, thank you!"_s,
    };
    return lines;
}

constexpr int MessagesPerConversation = 36;

bool exec(QSqlQuery &query, QString *error)
{
    if (query.exec())
        return true;
    *error = query.lastError().text();
    return false;
}

} // namespace

DemoSeeder::DemoSeeder(Database &database, const PasswordHasher &hasher, const Clock &clock)
    : m_database(database)
    , m_hasher(hasher)
    , m_clock(clock)
{}

QString DemoSeeder::credentialsText(const QString &url, const QString &mailCommand)
{
    const QString password = QString::fromLatin1(Password);
    return u"Demo company ready at %1. Sign in with:\n"
           "  jimin.kim@moim.example / %2   (3 workspaces)\n"
           "  alex.park@moim.example / %2   (1 workspace)\n"
           "  seojun.lee@moim.example — deactivated (shows \"Unauthorized user\")\n"
           "Personal accounts (for moim-phone login --personal ID), password %3:\n"
           "  %4   linked to jimin.kim@moim.example (push sign-in)\n"
           "  %5    not linked yet (link it from alex's My account)\n"
           "Dev mailbox (invitations, password resets):\n"
           "  %6"_s.arg(url, password, QString::fromLatin1(PersonalPassword),
                        QString::fromLatin1(JiminPersonal), QString::fromLatin1(AlexPersonal),
                        mailCommand);
}

bool DemoSeeder::seedIfEmpty(QString *error)
{
    QSqlDatabase db = m_database.handle();
    QSqlQuery query(db);
    if (!query.exec(u"SELECT 1 FROM users LIMIT 1"_s)) {
        *error = query.lastError().text();
        return false;
    }
    if (query.next())
        return true; // already seeded (or real data): leave it alone
    query.finish();

    // argon2id is deliberately slow; hash the demo accounts in parallel (each with its own salt).
    const QList<DemoUser> &users = demoUsers();
    const QByteArray password(Password);
    const QStringList hashes = QtConcurrent::blockingMapped<QStringList>(
        users, [this, &password](const DemoUser &) { return m_hasher.hash(password); });
    const QStringList personalHashes = QtConcurrent::blockingMapped<QStringList>(
        QStringList{QString::fromLatin1(JiminPersonal), QString::fromLatin1(AlexPersonal)},
        [this](const QString &) { return m_hasher.hash(QByteArray(PersonalPassword)); });

    const qint64 now = m_clock.now();
    QHash<QString, QString> userIds;
    QHash<QString, QString> workspaceIds;
    db.transaction();
    auto fail = [&db] {
        db.rollback();
        return false;
    };

    for (qsizetype i = 0; i < users.size(); ++i) {
        const DemoUser &user = users.at(i);
        const QString id = SecureToken::randomId("u_"_L1);
        userIds.insert(user.key, id);
        query.prepare(u"INSERT INTO users (id, email, display_name, password_hash, deactivated, "
                      "created_at) VALUES (?, ?, ?, ?, ?, ?)"_s);
        for (const QVariant &value :
             {QVariant(id), QVariant(user.email), QVariant(user.name), QVariant(hashes.at(i)),
              QVariant(user.deactivated ? 1 : 0), QVariant(now)})
            query.addBindValue(value);
        if (!exec(query, error))
            return fail();
    }

    // Personal accounts of the demo's own provider; jimin's is linked to her work account.
    const QList<std::pair<QString, QString>> personal{
        {QString::fromLatin1(JiminPersonal), u"김지민"_s},
        {QString::fromLatin1(AlexPersonal), u"Alex Park"_s}};
    for (qsizetype i = 0; i < personal.size(); ++i) {
        query.prepare(u"INSERT INTO personal_accounts (id, display_name, password_hash, "
                      "created_at) VALUES (?, ?, ?, ?)"_s);
        for (const QVariant &value :
             {QVariant(personal.at(i).first), QVariant(personal.at(i).second),
              QVariant(personalHashes.at(i)), QVariant(now)})
            query.addBindValue(value);
        if (!exec(query, error))
            return fail();
    }
    query.prepare(
        u"INSERT INTO personal_links (personal_id, user_id, linked_at) VALUES (?, ?, ?)"_s);
    query.addBindValue(QString::fromLatin1(JiminPersonal));
    query.addBindValue(userIds.value(u"jimin"_s));
    query.addBindValue(now);
    if (!exec(query, error))
        return fail();

    int position = 0;
    for (const DemoWorkspace &workspace : demoWorkspaces()) {
        const QString id = SecureToken::randomId("w_"_L1);
        workspaceIds.insert(workspace.key, id);
        query.prepare(u"INSERT INTO workspaces (id, name, name_en, color, position, created_at) "
                      "VALUES (?, ?, ?, ?, ?, ?)"_s);
        for (const QVariant &value :
             {QVariant(id), QVariant(workspace.name), QVariant(workspace.nameEn),
              QVariant(workspace.color), QVariant(position++), QVariant(now)})
            query.addBindValue(value);
        if (!exec(query, error))
            return fail();
        for (QString member : workspace.members) {
            const bool admin = member.startsWith(u"admin:"_s);
            if (admin)
                member.remove(0, 6);
            query.prepare(
                u"INSERT INTO memberships (user_id, workspace_id, role) VALUES (?, ?, ?)"_s);
            query.addBindValue(userIds.value(member));
            query.addBindValue(id);
            query.addBindValue(admin ? u"admin"_s : u"member"_s);
            if (!exec(query, error))
                return fail();
        }
    }

    const QStringList &lines = messageLines();
    int conversationIndex = 0;
    for (const DemoConversation &conversation : demoConversations()) {
        const QString id = SecureToken::randomId("c_"_L1);
        // History spans the last week, newest conversations most recently active.
        const qint64 start = now - 7 * 24 * 3600 + conversationIndex * 1800;
        query.prepare(u"INSERT INTO conversations (id, workspace_id, kind, name, topic, "
                      "created_at) VALUES (?, ?, ?, ?, ?, ?)"_s);
        for (const QVariant &value :
             {QVariant(id), QVariant(workspaceIds.value(conversation.workspace)),
              QVariant(conversation.kind),
              conversation.name.isEmpty() ? QVariant() : QVariant(conversation.name),
              QVariant(conversation.topic.isNull() ? u""_s : conversation.topic), QVariant(start)})
            query.addBindValue(value);
        if (!exec(query, error))
            return fail();

        QStringList authors;
        if (conversation.kind == u"direct"_s) {
            for (const QString &participant : conversation.participants) {
                authors.append(userIds.value(participant));
                query.prepare(u"INSERT INTO conversation_members (conversation_id, user_id) "
                              "VALUES (?, ?)"_s);
                query.addBindValue(id);
                query.addBindValue(userIds.value(participant));
                if (!exec(query, error))
                    return fail();
            }
        } else {
            for (const DemoWorkspace &workspace : demoWorkspaces()) {
                if (workspace.key != conversation.workspace)
                    continue;
                for (QString member : workspace.members)
                    authors.append(userIds.value(member.remove(u"admin:"_s)));
            }
        }

        for (int m = 0; m < MessagesPerConversation; ++m) {
            query.prepare(u"INSERT INTO messages (id, conversation_id, author, body, created_at) "
                          "VALUES (?, ?, ?, ?, ?)"_s);
            query.addBindValue(SecureToken::randomId("m_"_L1));
            query.addBindValue(id);
            query.addBindValue(authors.at((m * 7 + conversationIndex) % authors.size()));
            query.addBindValue(lines.at((m * 5 + conversationIndex * 3) % lines.size()));
            query.addBindValue(start + m * (4 * 3600) + (m % 5) * 97);
            if (!exec(query, error))
                return fail();
        }
        ++conversationIndex;
    }

    // History in sequence order, and read up to the end except the last few messages of the
    // "random" channels, so the demo opens with a few unread badges.
    for (const auto *statement :
         {"UPDATE messages SET seq = rowid, version = rowid WHERE seq = 0",
          "INSERT INTO reads (user_id, conversation_id, last_read_seq) "
          "SELECT m.user_id, c.id, (SELECT COALESCE(MAX(seq), 0) FROM messages "
          "WHERE conversation_id = c.id) - (CASE WHEN c.name = 'random' THEN 3 ELSE 0 END) "
          "FROM conversations c JOIN memberships m ON m.workspace_id = c.workspace_id"}) {
        if (!query.exec(QString::fromLatin1(statement))) {
            *error = query.lastError().text();
            return fail();
        }
    }

    if (!db.commit()) {
        *error = db.lastError().text();
        return fail();
    }
    qCInfo(lcDb) << "Seeded the demo company";
    return true;
}

} // namespace moim::server
