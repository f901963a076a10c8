// The one-time code field: what counts as a whole code, that only the user's typing sends it,
// and that its example stays visible while the cursor is in the centred field.
#include "common/code_field.h"

#include <QApplication>
#include <QImage>
#include <QSignalSpy>
#include <QtTest>

using moim::ui::CodeField;
using namespace Qt::StringLiterals;

class TestCodeField : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wholeCodes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("recovery");
        QTest::addColumn<bool>("complete");
        QTest::newRow("six digits") << u"123456"_s << false << true;
        QTest::newRow("grouped as authenticators show it") << u"123 456"_s << false << true;
        QTest::newRow("five digits") << u"12345"_s << false << false;
        QTest::newRow("seven digits") << u"1234567"_s << false << false;
        QTest::newRow("a letter") << u"12345a"_s << false << false;
        QTest::newRow("full-width digits count as digits") << u"１２３４５６"_s << false << true;
        QTest::newRow("six digits are not a recovery code") << u"123456"_s << true << false;
        QTest::newRow("recovery code in groups") << u"ABCD-EFGH-2345-6789"_s << true << true;
        QTest::newRow("recovery code plain") << u"abcdefgh23456789"_s << true << true;
        QTest::newRow("recovery code one short") << u"ABCD-EFGH-2345-678"_s << true << false;
        QTest::newRow("recovery code with a dot") << u"ABCD.EFGH-2345-6789"_s << true << false;
    }

    void wholeCodes()
    {
        QFETCH(QString, text);
        QFETCH(bool, recovery);
        QFETCH(bool, complete);
        QCOMPARE(CodeField::isCompleteCode(text, recovery), complete);
    }

    void onlyTypingSendsACode()
    {
        CodeField field;
        QSignalSpy completed(&field, &CodeField::completed);
        field.show();
        QVERIFY(QTest::qWaitForWindowExposed(&field));
        QTest::keyClicks(&field, u"12345"_s);
        QCOMPARE(completed.count(), 0);
        QTest::keyClick(&field, Qt::Key_6);
        QCOMPARE(completed.count(), 1);
        // A code the program puts back, e.g. after a refusal, is not sent again.
        field.setText(u"654321"_s);
        QCOMPARE(completed.count(), 1);
        // In recovery mode the sixth digit is only the start of a code.
        field.clear();
        field.setRecoveryMode(true);
        QTest::keyClicks(&field, u"123456"_s);
        QCOMPARE(completed.count(), 1);
        QTest::keyClicks(&field, u"7890ABCDEF"_s);
        QCOMPARE(completed.count(), 2);
    }

    void exampleStaysVisibleWithFocus()
    {
        CodeField field;
        field.setAlignment(Qt::AlignCenter);
        field.resize(240, 48);
        field.show();
        QApplication::setActiveWindow(&field);
        field.setFocus();
        QVERIFY(QTest::qWaitForWindowActive(&field));
        QTRY_VERIFY(field.hasFocus());
        // Compared without the cursor, which blinks.
        field.setReadOnly(true);
        const QImage empty = field.grab().toImage();
        field.setPlaceholderText(u"123456"_s);
        const QImage withExample = field.grab().toImage();
        QVERIFY2(empty != withExample, "the example is not painted while the field has focus");
    }
};

QTEST_MAIN(TestCodeField)
#include "test_code_field.moc"
