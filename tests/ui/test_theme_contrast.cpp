// Every pair of text and background colours the theme uses meets WCAG 2.2 AA in both schemes:
// 4.5:1 for text, 3:1 for UI parts (bars, focus rings).
#include "theme/theme.h"

#include <QTest>
#include <cmath>

using moim::ui::Theme;

namespace {

double channel(double value)
{
    return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
}

double luminance(const QColor &color)
{
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) +
           0.0722 * channel(color.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace

class TestThemeContrast : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theFormulaIsWcags()
    {
        QCOMPARE(std::round(contrast(Qt::black, Qt::white) * 100) / 100, 21.0);
        QCOMPARE(contrast(Qt::white, Qt::white), 1.0);
        // #767676 on white is the well-known 4.54:1.
        QVERIFY(std::abs(contrast(QColor(0x76, 0x76, 0x76), Qt::white) - 4.54) < 0.01);
    }

    void pairsMeetAA_data()
    {
        QTest::addColumn<QColor>("foreground");
        QTest::addColumn<QColor>("background");
        QTest::addColumn<double>("minimum");
        for (const Theme::Scheme scheme : {Theme::Scheme::Light, Theme::Scheme::Dark}) {
            const Theme::Colors c = Theme::colors(scheme);
            const char *name = scheme == Theme::Scheme::Light ? "light" : "dark";
            const auto text = [&](const char *pair, const QColor &fg, const QColor &bg) {
                QTest::addRow("%s: %s", name, pair) << fg << bg << 4.5;
            };
            const auto part = [&](const char *pair, const QColor &fg, const QColor &bg) {
                QTest::addRow("%s: %s", name, pair) << fg << bg << 3.0;
            };
            text("text on window", c.text, c.window);
            text("text on surface", c.text, c.surface);
            text("text on sunken", c.text, c.sunken);
            text("muted text on window", c.mutedText, c.window);
            text("muted text (captions, placeholders) on surface", c.mutedText, c.surface);
            text("muted text on sunken", c.mutedText, c.sunken);
            text("main button text", c.primaryText, c.primary);
            text("main button text, hovered", c.primaryText, c.primaryHover);
            text("links on surface", c.primary, c.surface);
            text("links on window", c.primary, c.window);
            text("errors on their box", c.danger, c.dangerSurface);
            text("errors on surface", c.danger, c.surface);
            text("warnings on their box", c.warning, c.warningSurface);
            text("sidebar text", c.sidebarText, c.sidebar);
            text("selected row text", c.text, c.selection);
            text("mentioned row text", c.text, c.mention);
            part("focus ring on surface", c.primary, c.surface);
            part("checked box on surface", c.primary, c.surface);
            part("mention bar on surface", c.mentionBar, c.surface);
            part("strength meter, weak", c.meterWeak, c.surface);
            part("strength meter, fair", c.meterFair, c.surface);
            part("strength meter, strong", c.meterStrong, c.surface);
        }
    }

    void pairsMeetAA()
    {
        QFETCH(QColor, foreground);
        QFETCH(QColor, background);
        QFETCH(double, minimum);
        const double ratio = contrast(foreground, background);
        QVERIFY2(ratio >= minimum, qPrintable(QStringLiteral("%1 on %2: %3:1, below %4:1")
                                                  .arg(foreground.name(), background.name())
                                                  .arg(ratio, 0, 'f', 2)
                                                  .arg(minimum)));
    }
};

QTEST_APPLESS_MAIN(TestThemeContrast)
#include "test_theme_contrast.moc"
