// A row of the timeline is as tall as its message needs, also after the message changed: the
// delegate keeps the heights it worked out (laying every row's text out again whenever the list
// lays itself out costs frames), and a kept height never outlives what it was worked out from —
// the words, an edit, a reaction, a deletion, the width, the font or the rows around it.
#include "chat/chat.h"
#include "chat/history_model.h"
#include "chat/message_delegate.h"
#include "net/api_client.h"
#include "net/authorized_api.h"
#include "protocol/protocol.h"
#include "storage/local_cache.h"
#include "storage/outbox_store.h"
#include "theme/theme.h"

#include <QApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QStyleOptionViewItem>
#include <QTemporaryDir>
#include <QtTest>

using namespace moim;
using namespace moim::ui;
using namespace Qt::StringLiterals;

namespace {
const auto ConversationId = u"c_rows"_s;
const auto Long = u"긴 메시지입니다. A message long enough to wrap over several lines when the "
                  "timeline is narrow, with an emoji 👍 and a link https://moim.example/notes "
                  "in the middle of it, and a few more words after them."_s;

QJsonObject messageJson(qint64 seq, const QString &author, const QString &body)
{
    return {{u"id"_s, u"m_%1"_s.arg(seq)},
            {u"conversation_id"_s, ConversationId},
            {u"seq"_s, seq},
            {u"version"_s, seq},
            {u"author"_s, QJsonObject{{u"id"_s, author}, {u"display_name"_s, author}}},
            {u"body"_s, body},
            {u"created_at"_s, 1'795'000'000 + seq}};
}
} // namespace

class TestMessageDelegate : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    LocalCache m_cache;
    ApiClient m_api{ServerAddress::parse(u"http://127.0.0.1:9"_s), u"moim-desktop"_s, u"0.1.0"_s};
    AuthorizedApi m_authorized{&m_api};
    OutboxStore m_outbox; // not opened: nothing is sent here
    std::unique_ptr<Chat> m_chat;
    std::unique_ptr<HistoryModel> m_history;
    qint64 m_version = 100;

    void receive(QLatin1StringView type, const QJsonObject &message)
    {
        m_chat->handleEvent(QString(type),
                            {{u"workspace_id"_s, u"w_rows"_s}, {u"message"_s, message}});
    }
    // A later version of message `seq` with `changes` applied, as another device's change comes.
    void change(qint64 seq, const QString &author, const QString &body, const QJsonObject &changes)
    {
        QJsonObject message = messageJson(seq, author, body);
        message.insert(u"version"_s, ++m_version);
        for (auto it = changes.begin(); it != changes.end(); ++it)
            message.insert(it.key(), it.value());
        receive(protocol::event::MessageUpdated, message);
    }
    static QStyleOptionViewItem option(int width)
    {
        QStyleOptionViewItem option;
        option.rect = QRect(0, 0, width, 40);
        option.font = QApplication::font();
        return option;
    }
    int rowOf(qint64 seq) const
    {
        const QList<Message> &rows = m_history->messages();
        for (qsizetype row = 0; row < rows.size(); ++row) {
            if (rows.at(row).seq == seq)
                return int(row);
        }
        return -1;
    }
    // The height `delegate` gives message `seq`, and the one a delegate that never saw it gives.
    std::pair<int, int> heights(const MessageDelegate &delegate, qint64 seq, int width) const
    {
        const QModelIndex index = m_history->index(rowOf(seq));
        const MessageDelegate fresh(m_chat.get());
        return {delegate.sizeHint(option(width), index).height(),
                fresh.sizeHint(option(width), index).height()};
    }

private Q_SLOTS:
    void initTestCase()
    {
        Theme::apply(*qApp, Theme::Scheme::Light);
        QVERIFY(m_dir.isValid());
        QVERIFY(m_cache.open(m_dir.filePath(u"cache.sqlite"_s)) != LocalCache::OpenResult::Failed);
        m_chat = std::make_unique<Chat>(&m_authorized, &m_cache, &m_outbox, u"u_me"_s, u"나"_s);
        m_history = std::make_unique<HistoryModel>(m_chat.get(), u"u_me"_s);
        m_history->setConversation(ConversationId);
        receive(protocol::event::MessageCreated, messageJson(10, u"u_other"_s, u"안녕하세요"_s));
        receive(protocol::event::MessageCreated, messageJson(20, u"u_me"_s, u"짧은 답"_s));
        receive(protocol::event::MessageCreated, messageJson(40, u"u_me"_s, u"네"_s));
        receive(protocol::event::MessageCreated, messageJson(50, u"u_me"_s, u"좋아요"_s));
        QCOMPARE(m_history->rowCount(), 4);
    }

    void aKeptHeightFollowsItsMessage()
    {
        const MessageDelegate delegate(m_chat.get());
        const auto [before, freshBefore] = heights(delegate, 20, 420);
        QCOMPARE(before, freshBefore);

        // Edited into a paragraph: taller, and "(edited)" after it.
        change(20, u"u_me"_s, Long, {{u"edited_at"_s, 1'795'000'100}});
        const auto [edited, freshEdited] = heights(delegate, 20, 420);
        QCOMPARE(edited, freshEdited);
        QVERIFY(edited > before);

        // A reaction adds a line of chips.
        change(20, u"u_me"_s, Long,
               {{u"edited_at"_s, 1'795'000'100},
                {u"reactions"_s,
                 QJsonArray{QJsonObject{
                     {u"emoji"_s, u"👍"_s},
                     {u"users"_s, QJsonArray{QJsonObject{{u"id"_s, u"u_other"_s},
                                                         {u"display_name"_s, u"u_other"_s}}}}}}}});
        const auto [reacted, freshReacted] = heights(delegate, 20, 420);
        QCOMPARE(reacted, freshReacted);
        QVERIFY(reacted > edited);

        // A narrower timeline wraps the words over more lines.
        const auto [narrow, freshNarrow] = heights(delegate, 20, 260);
        QCOMPARE(narrow, freshNarrow);
        QVERIFY(narrow > reacted);

        // Deleted: one line saying so.
        change(20, u"u_me"_s, QString(), {{u"deleted"_s, true}});
        const auto [deleted, freshDeleted] = heights(delegate, 20, 420);
        QCOMPARE(deleted, freshDeleted);
        QVERIFY(deleted < reacted);
    }

    void aKeptHeightFollowsTheRowsAroundIt()
    {
        const MessageDelegate delegate(m_chat.get());
        // The message continues the one above of the same author: no header of its own.
        const auto [continued, freshContinued] = heights(delegate, 50, 420);
        QCOMPARE(continued, freshContinued);
        // Someone else's message arrives between them: it starts a group with the author's name.
        receive(protocol::event::MessageCreated, messageJson(45, u"u_other"_s, u"끼어들기"_s));
        QCOMPARE(rowOf(45) + 1, rowOf(50));
        const auto [starts, freshStarts] = heights(delegate, 50, 420);
        QCOMPARE(starts, freshStarts);
        QVERIFY(starts > continued);
    }

    void aKeptHeightFollowsTheFont()
    {
        const MessageDelegate delegate(m_chat.get());
        const QModelIndex index = m_history->index(rowOf(10));
        QStyleOptionViewItem large = option(420);
        const int normal = delegate.sizeHint(large, index).height();
        large.font.setPointSizeF(large.font.pointSizeF() * 2);
        QVERIFY(delegate.sizeHint(large, index).height() > normal);
    }
};

QTEST_MAIN(TestMessageDelegate)
#include "test_message_delegate.moc"
