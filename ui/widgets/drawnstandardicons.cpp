#include "drawnstandardicons.h"

#include <QApplication>
#include <QHash>
#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QProxyStyle>
#include <QWidget>

namespace cp {

namespace {

enum class Shape
{
    Clear,          // a disc with a cross through it
    MoreToTheRight, // »
    MoreToTheLeft,  // « (right-to-left layouts)
    MoreBelow       // » turned down
};

class DrawnIconEngine final : public QIconEngine
{
public:
    explicit DrawnIconEngine(Shape shape) : m_shape(shape) {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        const QPalette palette = QApplication::palette();
        const QColor ink = palette.color(mode == QIcon::Disabled ? QPalette::Disabled : QPalette::Active,
                                         m_shape == Shape::Clear ? QPalette::PlaceholderText : QPalette::WindowText);
        const qreal side = qMin(rect.width(), rect.height());
        const QRectF box(rect.x() + (rect.width() - side) / 2.0, rect.y() + (rect.height() - side) / 2.0, side, side);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        if (m_shape == Shape::Clear) {
            const QRectF disc = box.adjusted(side * 0.1, side * 0.1, -side * 0.1, -side * 0.1);
            painter->setPen(Qt::NoPen);
            painter->setBrush(ink);
            painter->drawEllipse(disc);
            const qreal arm = disc.width() * 0.2;
            painter->setPen(QPen(palette.color(QPalette::Base), qMax(1.0, side / 9.0), Qt::SolidLine, Qt::RoundCap));
            painter->drawLine(disc.center() + QPointF(-arm, -arm), disc.center() + QPointF(arm, arm));
            painter->drawLine(disc.center() + QPointF(-arm, arm), disc.center() + QPointF(arm, -arm));
        } else {
            painter->translate(box.center());
            if (m_shape == Shape::MoreBelow)
                painter->rotate(90);
            else if (m_shape == Shape::MoreToTheLeft)
                painter->rotate(180);
            const qreal h = side * 0.22;
            QPainterPath chevrons;
            for (const qreal x : {-side * 0.2, side * 0.08}) {
                chevrons.moveTo(x - h / 2, -h);
                chevrons.lineTo(x + h / 2, 0);
                chevrons.lineTo(x - h / 2, h);
            }
            painter->setPen(QPen(ink, qMax(1.0, side / 10.0), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            painter->setBrush(Qt::NoBrush);
            painter->drawPath(chevrons);
        }
        painter->restore();
    }

    // Qt's own pixmap() paints on a pixmap it never cleared: the toolbar's extension button
    // showed whatever that memory held around the chevrons.
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        QPixmap drawn(size);
        drawn.fill(Qt::transparent);
        QPainter painter(&drawn);
        paint(&painter, QRect(QPoint(0, 0), size), mode, state);
        return drawn;
    }

    QString key() const override { return QStringLiteral("cp.drawn"); }
    QIconEngine *clone() const override { return new DrawnIconEngine(m_shape); }

private:
    Shape m_shape;
};

class DrawnIconsStyle final : public QProxyStyle
{
public:
    explicit DrawnIconsStyle(const QString &baseName)
        : QProxyStyle(baseName), m_fusion(baseStyle()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) == 0)
    {
    }

    QIcon standardIcon(StandardPixmap icon, const QStyleOption *option, const QWidget *widget) const override
    {
        switch (icon) {
        case SP_TitleBarCloseButton:
        case SP_TitleBarNormalButton:
        case SP_TitleBarMinButton:
            // Fusion makes these from its XPM data at every call, whatever the option or widget:
            // a dock asks for them each time it lays out its title bar (about a hundred parses
            // before the first frame). Parsed once here; any other style is asked every time.
            if (m_fusion) {
                QIcon &parsed = m_titleBarIcons[icon];
                if (parsed.isNull())
                    parsed = QProxyStyle::standardIcon(icon, option, widget);
                return parsed;
            }
            return QProxyStyle::standardIcon(icon, option, widget);
        case SP_LineEditClearButton:
            return QIcon(new DrawnIconEngine(Shape::Clear));
        case SP_ToolBarHorizontalExtensionButton:
            return QIcon(new DrawnIconEngine(widget && widget->layoutDirection() == Qt::RightToLeft
                                                 ? Shape::MoreToTheLeft
                                                 : Shape::MoreToTheRight));
        case SP_ToolBarVerticalExtensionButton:
            return QIcon(new DrawnIconEngine(Shape::MoreBelow));
        default:
            return QProxyStyle::standardIcon(icon, option, widget);
        }
    }

private:
    const bool m_fusion;
    mutable QHash<StandardPixmap, QIcon> m_titleBarIcons;
};

} // namespace

void useDrawnStandardIcons()
{
    // On the style in use (the platform's, or the one -style named), not a new default one.
    QApplication::setStyle(new DrawnIconsStyle(QApplication::style()->name()));
}

} // namespace cp
