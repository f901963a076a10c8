// moim-phone's scanner against bad input: whatever the camera (here an image file) gives it, it
// answers with a clear message and an error exit, never a crash and never a request.
#include "login/qr_code_view.h"
#include "mock_server_process.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace moim;
using namespace Qt::StringLiterals;

class TestPhoneScanner : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString file(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void badInputGivesClearMessages_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");

        QImage blank(400, 400, QImage::Format_RGB32);
        blank.fill(Qt::white);
        QPainter painter(&blank);
        painter.drawText(QRect(0, 0, 400, 400), Qt::AlignCenter, u"no code here"_s);
        painter.end();
        QVERIFY(blank.save(file(u"blank.png"_s)));
        QTest::newRow("no QR code") << file(u"blank.png"_s) << u"No QR code found"_s;

        QFile text(file(u"notes.png"_s));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("this is not an image at all\n");
        text.close();
        QTest::newRow("not an image") << file(u"notes.png"_s) << u"Cannot read"_s;

        QTest::newRow("missing file") << file(u"nowhere.png"_s) << u"Cannot read"_s;

        // A PNG cut off halfway, as from an interrupted copy.
        QVERIFY(ui::QrCodeView::render(u"moim://qr-login?s=q_0123456789abcdef&n=n0123456789"_s, 8)
                    .save(file(u"whole.png"_s)));
        QFile whole(file(u"whole.png"_s));
        QVERIFY(whole.open(QIODevice::ReadOnly));
        const QByteArray bytes = whole.readAll();
        QFile cut(file(u"cut.png"_s));
        QVERIFY(cut.open(QIODevice::WriteOnly));
        cut.write(bytes.left(bytes.size() / 3));
        cut.close();
        QTest::newRow("truncated file") << file(u"cut.png"_s) << u"Cannot read"_s;

        const auto qr = [this](const QString &name, const QString &content) {
            const QString path = file(name);
            ui::QrCodeView::render(content, 6).save(path);
            return path;
        };
        QTest::newRow("web link") << qr(u"web.png"_s, u"https://example.com/login"_s)
                                  << u"not a Moim sign-in code"_s;
        QTest::newRow("wifi") << qr(u"wifi.png"_s, u"WIFI:S:office;T:WPA;P:secret;;"_s)
                              << u"not a Moim sign-in code"_s;
        QTest::newRow("no nonce") << qr(u"nononce.png"_s, u"moim://qr-login?s=q_0123456789abcdef"_s)
                                  << u"incomplete or damaged"_s;
        QTest::newRow("cut payload")
            << qr(u"cutpayload.png"_s, u"moim://qr-login?s=q_0123456789abcdef&n="_s)
            << u"incomplete or damaged"_s;
        QTest::newRow("garbage values")
            << qr(u"garbage.png"_s, u"moim://qr-login?s=%00%FF<script>&n=';--"_s)
            << u"incomplete or damaged"_s;
        QTest::newRow("other moim link")
            << qr(u"invite.png"_s, u"moim://invite/abcdef"_s) << u"not a Moim sign-in code"_s;
    }

    void badInputGivesClearMessages()
    {
        QFETCH(QString, path);
        QFETCH(QString, message);
        QProcess phone;
        // No server runs: a scan that got as far as a request would fail differently.
        phone.start(test::MockServerProcess::phoneBinary(),
                    {u"--server"_s, u"http://127.0.0.1:9"_s, u"--profile"_s,
                     m_dir.filePath(u"profile"_s), u"scan"_s, u"--image"_s, path});
        QVERIFY(phone.waitForFinished(30000));
        QCOMPARE(phone.exitStatus(), QProcess::NormalExit);
        QCOMPARE(phone.exitCode(), 3);
        const QString err = QString::fromUtf8(phone.readAllStandardError());
        QVERIFY2(err.contains(message), qPrintable(err));
    }
};

QTEST_MAIN(TestPhoneScanner)
#include "test_phone_scanner.moc"
