// Keyboard focus is drawn as a clear ring in the theme's focus colour on every kind of control,
// in both schemes: a ring a keyboard user can find at a glance, not the pale band Fusion paints.

#include "theme/theme.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QTabBar>
#include <QVBoxLayout>
#include <QtTest>

using namespace moim::ui;
using namespace Qt::StringLiterals;

namespace {

// Pixels within a small distance of the colour: antialiased edges count only where they are
// nearly the colour itself.
int pixelsOf(const QImage &image, const QColor &color)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor pixel = image.pixelColor(x, y);
            if (std::abs(pixel.red() - color.red()) + std::abs(pixel.green() - color.green()) +
                    std::abs(pixel.blue() - color.blue()) <
                48)
                ++count;
        }
    }
    return count;
}

QWidget *control(const QString &kind, QWidget *parent)
{
    if (kind == "checkBox"_L1)
        return new QCheckBox(u"Play a sound"_s, parent);
    if (kind == "radioButton"_L1)
        return new QRadioButton(u"All new messages"_s, parent);
    if (kind == "secondaryButton"_L1 || kind == "primaryButton"_L1 || kind == "linkButton"_L1) {
        auto *button = new QPushButton(u"Unmute"_s, parent);
        button->setProperty("role", kind.chopped(6));
        return button;
    }
    if (kind == "comboBox"_L1) {
        auto *box = new QComboBox(parent);
        box->addItems({u"For 1 hour"_s, u"Until tomorrow"_s});
        return box;
    }
    if (kind == "lineEdit"_L1)
        return new QLineEdit(u"proxy.example.com"_s, parent);
    if (kind == "tabBar"_L1) {
        auto *tabs = new QTabBar(parent);
        tabs->addTab(u"Password"_s);
        tabs->addTab(u"Devices"_s);
        return tabs;
    }
    auto *list = new QListWidget(parent);
    list->addItems({u"Laptop — this device"_s, u"Phone: Galaxy — last active today"_s});
    list->setCurrentRow(0);
    list->setFixedHeight(90);
    return list;
}

} // namespace

class TestFocusRing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyControlShowsARing_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<bool>("dark");
        for (const bool dark : {false, true}) {
            for (const char *kind : {"checkBox", "radioButton", "secondaryButton", "primaryButton",
                                     "linkButton", "comboBox", "lineEdit", "tabBar", "list"}) {
                QTest::addRow("%s %s", kind, dark ? "dark" : "light")
                    << QString::fromLatin1(kind) << dark;
            }
        }
    }

    void everyControlShowsARing()
    {
        QFETCH(QString, kind);
        QFETCH(bool, dark);
        const Theme::Scheme scheme = dark ? Theme::Scheme::Dark : Theme::Scheme::Light;
        Theme::apply(*qApp, scheme);
        const Theme::Colors colors = Theme::colors(scheme);
        QWidget window;
        window.setObjectName(u"LoginWindow"_s); // the themed window background
        window.setAttribute(Qt::WA_StyledBackground);
        auto *layout = new QVBoxLayout(&window);
        layout->setContentsMargins(12, 12, 12, 12);
        auto *other = new QLineEdit(&window); // somewhere else for the focus to be
        QWidget *tested = control(kind, &window);
        tested->setFocusPolicy(Qt::StrongFocus);
        layout->addWidget(other);
        layout->addWidget(tested);
        window.resize(320, window.sizeHint().height());
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        other->setFocus(Qt::OtherFocusReason);
        QTRY_VERIFY(other->hasFocus());
        const QImage without = tested->grab().toImage();
        tested->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(tested->hasFocus());
        const QImage with = tested->grab().toImage();
        if (const QString dir = qEnvironmentVariable("MOIM_SCREENSHOT_DIR"); !dir.isEmpty()) {
            QDir().mkpath(dir);
            const QString name = dir + u"/focus-"_s + kind + (dark ? u"-dark"_s : u"-light"_s);
            without.save(name + u"-off.png"_s);
            with.save(name + u"-on.png"_s);
        }
        // The ring is the focus colour (the text colour on a main button, whose fill is the
        // focus colour): at least a 2 px line along a good part of the control.
        const QColor ring = kind == "primaryButton"_L1 ? colors.text : colors.primary;
        const int added = pixelsOf(with, ring) - pixelsOf(without, ring);
        const int needed = std::min(tested->width(), tested->height()) * 2;
        QVERIFY2(added >= needed,
                 qPrintable(u"%1 ring pixels, %2 needed"_s.arg(added).arg(needed)));
    }
};

QTEST_MAIN(TestFocusRing)
#include "test_focus_ring.moc"
