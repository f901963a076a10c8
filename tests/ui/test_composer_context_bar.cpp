// The bar above the composer while replying or editing: what it says (and tells a screen
// reader), × and Esc to go back to a plain message, Esc in the composer doing the same before it
// means "done with this conversation", and Korean.
#include "chat/composer.h"
#include "chat/composer_context_bar.h"
#include "language.h"
#include "theme/theme.h"

#include <QAccessible>
#include <QApplication>
#include <QSignalSpy>
#include <QToolButton>
#include <QTranslator>
#include <QVBoxLayout>
#include <QtTest>

using namespace moim::ui;
using namespace Qt::StringLiterals;

class TestComposerContextBar : public QObject
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

    // The bar over a composer, as the conversation shows them.
    struct Pane
    {
        QWidget window;
        ComposerContextBar *bar = new ComposerContextBar;
        Composer *composer = new Composer;
        Pane()
        {
            auto *layout = new QVBoxLayout(&window);
            layout->addWidget(bar);
            layout->addWidget(composer);
            bar->closeOnEscapeIn(composer);
            window.resize(480, 160);
        }
    };

private Q_SLOTS:
    void initTestCase() { Theme::apply(*qApp, Theme::Scheme::Light); }

    void init() { useLanguage(u"en"_s); }

    void saysWhatTheNextMessageIs()
    {
        Pane pane;
        pane.window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane.window));
        QVERIFY(pane.bar->isHidden());
        QCOMPARE(pane.bar->mode(), ComposerContextBar::Mode::None);

        pane.bar->showReply(u"김지민"_s, u"  First line of the plan\nsecond line"_s);
        QVERIFY(pane.bar->isVisible());
        QCOMPARE(pane.bar->mode(), ComposerContextBar::Mode::Reply);
        QCOMPARE(pane.bar->text(), u"Replying to 김지민: First line of the plan"_s);
        QAccessibleInterface *bar = QAccessible::queryAccessibleInterface(pane.bar);
        QCOMPARE(bar->text(QAccessible::Name), pane.bar->text());
        QCOMPARE(pane.bar->closeButton()->accessibleName(), u"Cancel reply"_s);

        pane.bar->showEdit(u"Meeting at 3"_s);
        QCOMPARE(pane.bar->mode(), ComposerContextBar::Mode::Edit);
        QCOMPARE(pane.bar->text(), u"Editing message: Meeting at 3"_s);
        QCOMPARE(bar->text(QAccessible::Name), pane.bar->text());
        QCOMPARE(pane.bar->closeButton()->accessibleName(), u"Cancel editing"_s);

        // Sent or saved: the bar goes without a word.
        QSignalSpy cancelled(pane.bar, &ComposerContextBar::cancelled);
        pane.bar->clear();
        QVERIFY(pane.bar->isHidden());
        QCOMPARE(cancelled.size(), 0);
    }

    void closeAndEscCancel()
    {
        Pane pane;
        QSignalSpy cancelled(pane.bar, &ComposerContextBar::cancelled);
        pane.window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane.window));

        pane.bar->showReply(u"Alex Kim"_s, u"Lunch?"_s);
        QTest::mouseClick(pane.bar->closeButton(), Qt::LeftButton);
        QCOMPARE(cancelled.size(), 1);
        QVERIFY(pane.bar->isHidden());
        QCOMPARE(pane.bar->mode(), ComposerContextBar::Mode::None);

        pane.bar->showEdit(u"Lunch?"_s);
        QTest::keyClick(pane.bar, Qt::Key_Escape);
        QCOMPARE(cancelled.size(), 2);
        QVERIFY(pane.bar->isHidden());
    }

    void escInTheComposerCancelsFirst()
    {
        Pane pane;
        QSignalSpy cancelled(pane.bar, &ComposerContextBar::cancelled);
        QSignalSpy done(pane.composer, &Composer::emptyEscapePressed);
        pane.window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane.window));
        pane.composer->setFocus();

        pane.bar->showReply(u"김지민"_s, u"회의록 공유드립니다"_s);
        QTest::keyClick(pane.composer, Qt::Key_Escape);
        QCOMPARE(cancelled.size(), 1);
        QCOMPARE(done.size(), 0);
        QVERIFY(pane.bar->isHidden());
        // With the bar gone, Esc is the composer's again.
        QTest::keyClick(pane.composer, Qt::Key_Escape);
        QCOMPARE(cancelled.size(), 1);
        QCOMPARE(done.size(), 1);
    }

    void speaksKorean()
    {
        useLanguage(u"ko"_s);
        Pane pane;
        pane.bar->showReply(u"김지민"_s, u"회의록 공유드립니다\n둘째 줄"_s);
        QCOMPARE(pane.bar->text(), u"김지민 님에게 답장: 회의록 공유드립니다"_s);
        QCOMPARE(pane.bar->closeButton()->accessibleName(), u"답장 취소"_s);
        pane.bar->showEdit(u"3시 회의"_s);
        QCOMPARE(pane.bar->text(), u"메시지 수정 중: 3시 회의"_s);
        QCOMPARE(pane.bar->closeButton()->accessibleName(), u"수정 취소"_s);
        // Switching the language while shown re-words it.
        useLanguage(u"en"_s);
        QTRY_COMPARE(pane.bar->closeButton()->accessibleName(), u"Cancel editing"_s);
        QCOMPARE(pane.bar->accessibleName(), u"Editing message: 3시 회의"_s);
    }
};

QTEST_MAIN(TestComposerContextBar)
#include "test_composer_context_bar.moc"
