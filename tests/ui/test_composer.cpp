// The composer: Enter sends, Shift+Enter breaks the line, and an input method that is still
// composing (Hangul) owns Enter: it finishes the syllable and never sends half-typed text.
#include "chat/composer.h"

#include <QApplication>
#include <QInputMethodEvent>
#include <QSignalSpy>
#include <QtTest>

using namespace moim::ui;
using namespace Qt::StringLiterals;

class TestComposer : public QObject
{
    Q_OBJECT

    static void compose(Composer &composer, const QString &preedit, const QString &commit)
    {
        QInputMethodEvent event(preedit, {});
        event.setCommitString(commit);
        QApplication::sendEvent(&composer, &event);
    }

private Q_SLOTS:
    void enterSendsAndShiftEnterBreaksTheLine()
    {
        Composer composer;
        QSignalSpy sent(&composer, &Composer::sendRequested);
        composer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&composer));
        QTest::keyClicks(&composer, u"first line"_s);
        QTest::keyClick(&composer, Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClicks(&composer, u"second line"_s);
        QCOMPARE(sent.size(), 0);
        QTest::keyClick(&composer, Qt::Key_Return);
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.first().first().toString(), u"first line\nsecond line"_s);
        QVERIFY(composer.toPlainText().isEmpty());
        // Nothing to send: Enter on an empty composer sends nothing.
        QTest::keyClick(&composer, Qt::Key_Return);
        QCOMPARE(sent.size(), 1);
    }

    void enterDuringHangulCompositionDoesNotSend()
    {
        Composer composer;
        QSignalSpy sent(&composer, &Composer::sendRequested);
        composer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&composer));
        // "안녕하세" committed, "요" still being composed.
        compose(composer, QString(), u"안녕하세"_s);
        compose(composer, u"요"_s, QString());
        QVERIFY(composer.isComposing());
        QTest::keyClick(&composer, Qt::Key_Return);
        QCOMPARE(sent.size(), 0);
        // The input method commits the syllable; now Enter sends the whole text.
        compose(composer, QString(), u"요"_s);
        QVERIFY(!composer.isComposing());
        QTest::keyClick(&composer, Qt::Key_Return);
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.first().first().toString(), u"안녕하세요"_s);
    }
};

QTEST_MAIN(TestComposer)
#include "test_composer.moc"
