// The server's load and limits read as what they are on the sign-in page, in both languages,
// instead of as an unexpected error.
#include "common/error_text.h"
#include "language.h"
#include "login/password_page.h"

#include <QApplication>
#include <QPushButton>
#include <QTranslator>
#include <QtTest>

using namespace moim;
using namespace moim::ui;
using namespace Qt::StringLiterals;

class TestErrorText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        // Each case starts in English, whatever the one before switched to.
        for (QTranslator *translator : qApp->findChildren<QTranslator *>()) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
        QVERIFY(installLanguage(*qApp, u"en"_s));
    }

    void everyLoadOrLimitCodeHasItsOwnWords_data()
    {
        QTest::addColumn<int>("code");
        using C = ApiError::Code;
        for (const C code :
             {C::ServerBusy, C::RateLimited, C::ServerError, C::RequestTimeout, C::InvalidResponse,
              C::PayloadTooLarge, C::HeadersTooLarge, C::LengthRequired})
            QTest::newRow(qPrintable(errorName(code))) << int(code);
    }

    void everyLoadOrLimitCodeHasItsOwnWords()
    {
        QFETCH(int, code);
        const ApiError error = ApiError::fromCode(ApiError::Code(code));
        QVERIFY(!ErrorText::forServerAnswer(error).isEmpty());
        PasswordPage page(u"Acme"_s);
        page.showError(error);
        QVERIFY(page.isErrorVisible());
        QVERIFY2(!page.errorText().contains(u"unexpectedly"_s), qPrintable(page.errorText()));
    }

    void pageRefusalsAreLeftToThePage()
    {
        QVERIFY(ErrorText::forServerAnswer(ApiError::fromCode(ApiError::Code::InvalidCredentials))
                    .isEmpty());
        QVERIFY(ErrorText::forServerAnswer(ApiError::fromCode(ApiError::Code::TooManyAttempts))
                    .isEmpty());
    }

    void aBusyServerSaysHowLongToWait()
    {
        const ApiError busy = ApiError::fromHttpAnswer(
            503, R"({"error":{"code":"server_busy","message":"busy","retry_after":3}})");
        PasswordPage page(u"Acme"_s);
        page.showError(busy);
        QCOMPARE(page.errorText(), u"The server is busy. Try again in 3 seconds."_s);
        // Nothing the user typed was wrong: the same attempt can simply be made again.
        const auto buttons = page.findChildren<QPushButton *>();
        QVERIFY(std::any_of(buttons.cbegin(), buttons.cend(), [](const QPushButton *button) {
            return button->text() == u"Retry"_s && !button->isHidden();
        }));

        QVERIFY(installLanguage(*qApp, u"ko"_s));
        page.showError(busy);
        QCOMPARE(page.errorText(), u"서버가 바쁩니다. 3초 후에 다시 시도하세요."_s);
    }

    void aCaptivePortalPointsToTheNetworksSignIn()
    {
        PasswordPage page(u"Acme"_s);
        page.showError(ApiError::fromHttpAnswer(200, "<html><body>Airport Wi-Fi</body></html>"));
        QVERIFY2(page.errorText().contains(u"public Wi-Fi"_s), qPrintable(page.errorText()));
        QVERIFY(installLanguage(*qApp, u"ko"_s));
        page.showError(ApiError::fromHttpAnswer(200, "<html><body>Airport Wi-Fi</body></html>"));
        QVERIFY2(page.errorText().contains(u"공용 Wi-Fi"_s), qPrintable(page.errorText()));
    }

    void aRateLimitWithoutAWaitSaysAMoment()
    {
        const ApiError limited = ApiError::fromHttpAnswer(429, {});
        QCOMPARE(limited.code, ApiError::Code::RateLimited);
        QCOMPARE(ErrorText::forServerAnswer(limited),
                 u"The server is getting too many requests. Try again in a moment."_s);
    }
};

QTEST_MAIN(TestErrorText)
#include "test_error_text.moc"
