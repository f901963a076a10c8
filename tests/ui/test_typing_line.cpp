// Who is typing, under the timeline: one, two, or the first and how many others, in English and
// Korean; hidden while nobody types without the timeline above moving; and what a screen reader
// reads.
#include "chat/typing_line.h"
#include "common/plain_text.h"
#include "language.h"
#include "theme/theme.h"

#include <QAccessible>
#include <QApplication>
#include <QTranslator>
#include <QVBoxLayout>
#include <QtTest>

using namespace moim::ui;
using namespace Qt::StringLiterals;

class TestTypingLine : public QObject
{
    Q_OBJECT

    static void useLanguage(const QString &language)
    {
        for (QTranslator *translator : qApp->findChildren<QTranslator *>()) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
        QVERIFY(installLanguage(*qApp, language));
    }

private Q_SLOTS:
    void initTestCase() { Theme::apply(*qApp, Theme::Scheme::Light); }

    void init() { useLanguage(u"en"_s); }

    void texts_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QString>("text");
        const QStringList three{u"김지민"_s, u"Alex Kim"_s, u"박서준"_s};
        QTest::newRow("en nobody") << u"en"_s << QStringList() << QString();
        QTest::newRow("en one") << u"en"_s << QStringList{u"Jimin Kim"_s}
                                << u"Jimin Kim is typing…"_s;
        QTest::newRow("en two") << u"en"_s << QStringList{u"Jimin Kim"_s, u"Alex Kim"_s}
                                << u"Jimin Kim and Alex Kim are typing…"_s;
        QTest::newRow("en three") << u"en"_s << QStringList{u"Jimin Kim"_s, u"Alex Kim"_s, u"Seo"_s}
                                  << u"Jimin Kim and 2 others are typing…"_s;
        QTest::newRow("en five") << u"en"_s << (three + QStringList{u"A"_s, u"B"_s})
                                 << u"김지민 and 4 others are typing…"_s;
        QTest::newRow("ko nobody") << u"ko"_s << QStringList() << QString();
        QTest::newRow("ko one") << u"ko"_s << QStringList{u"김지민"_s} << u"김지민 님이 입력 중…"_s;
        QTest::newRow("ko two") << u"ko"_s << three.mid(0, 2)
                                << u"김지민 님과 Alex Kim 님이 입력 중…"_s;
        QTest::newRow("ko three") << u"ko"_s << three << u"김지민 님 외 2명이 입력 중…"_s;
        QTest::newRow("ko five") << u"ko"_s << (three + QStringList{u"A"_s, u"B"_s})
                                 << u"김지민 님 외 4명이 입력 중…"_s;
    }

    void texts()
    {
        QFETCH(QString, language);
        QFETCH(QStringList, names);
        QFETCH(QString, text);
        useLanguage(language);
        QCOMPARE(TypingLine::typingText(names), text);
        TypingLine line;
        line.resize(600, line.sizeHint().height());
        line.setNames(names);
        QCOMPARE(line.isHidden(), names.isEmpty());
        QCOMPARE(line.accessibleName(), text);
        if (!names.isEmpty())
            QCOMPARE(line.text(), text); // room enough: nothing elided
    }

    void hiddenWithoutMovingTheTimeline()
    {
        QWidget pane;
        auto *timeline = new QWidget;
        auto *line = new TypingLine;
        auto *composer = new QWidget;
        composer->setFixedHeight(60);
        auto *layout = new QVBoxLayout(&pane);
        layout->addWidget(timeline, 1);
        layout->addWidget(line);
        layout->addWidget(composer);
        pane.resize(600, 400);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        QVERIFY(line->isHidden());
        const QRect before = timeline->geometry();
        QVERIFY(line->sizeHint().height() >= line->fontMetrics().height());

        line->setNames({u"김지민"_s});
        QTRY_VERIFY(line->isVisible());
        QCOMPARE(timeline->geometry(), before);
        line->setNames({});
        QVERIFY(line->isHidden());
        QCOMPARE(timeline->geometry(), before);

        // A long name is cut short instead of widening the window.
        line->setNames({QString(300, u'가')});
        QVERIFY(line->text().endsWith(u'…'));
        QVERIFY(line->fontMetrics().horizontalAdvance(line->text()) < pane.width());
        QCOMPARE(line->toolTip(), plainToolTip(line->accessibleName()));
        // A name is shown as written, never as markup.
        line->setNames({u"<b>Mallory</b>"_s});
        QCOMPARE(line->textFormat(), Qt::PlainText);
        QCOMPARE(line->toolTip(), plainToolTip(u"<b>Mallory</b> is typing…"_s));
    }

    void aScreenReaderReadsWhoIsTyping()
    {
        TypingLine line;
        line.resize(600, line.sizeHint().height());
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(&line);
        QVERIFY(accessible);
        line.setNames({u"김지민"_s});
        QCOMPARE(accessible->text(QAccessible::Name), u"김지민 is typing…"_s);
        line.setNames({u"김지민"_s, u"Alex Kim"_s});
        QCOMPARE(accessible->text(QAccessible::Name), u"김지민 and Alex Kim are typing…"_s);
        line.setNames({});
        QCOMPARE(accessible->text(QAccessible::Name), QString());
        // A new language re-words what is shown and what is read.
        line.setNames({u"김지민"_s});
        useLanguage(u"ko"_s);
        QTRY_COMPARE(accessible->text(QAccessible::Name), u"김지민 님이 입력 중…"_s);
        QCOMPARE(line.text(), u"김지민 님이 입력 중…"_s);
    }
};

QTEST_MAIN(TestTypingLine)
#include "test_typing_line.moc"
