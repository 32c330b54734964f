#include "timerdelegate.h"

#include "kindstyle.h"
#include "models/timermodel.h"

#include <QApplication>
#include <QPainter>

namespace cp {

namespace {

QStyle *style(const QStyleOptionViewItem &option)
{
    return option.widget ? option.widget->style() : QApplication::style();
}

} // namespace

TimerDelegate::TimerDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

void TimerDelegate::setFlashing(const QSet<qint64> &timerIds, bool lit)
{
    m_flashing = timerIds;
    m_lit = lit;
}

void TimerDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const auto phase = static_cast<TimerPhase>(index.data(TimerModel::StateRole).toInt());
    const bool flashing = m_lit && m_flashing.contains(index.data(TimerModel::TimerIdRole).toLongLong());
    const bool selected = opt.state & QStyle::State_Selected;

    const ColorScheme scheme = KindStyle::schemeOf(opt.palette);
    const Chip flash = KindStyle::flashChip();
    QColor background = flashing ? flash.fill : KindStyle::timerBackground(phase);
    if (background.isValid()) {
        if (selected)
            background = background.darker(125);
        painter->fillRect(opt.rect, background);
        opt.backgroundBrush = Qt::NoBrush;
    }
    const bool muted = phase == TimerPhase::Acknowledged || phase == TimerPhase::Cancelled;
    // A tinted row paints its own light background: dark text on it in either scheme.
    QColor text = flashing ? flash.text
                           : (muted ? KindStyle::timerText(phase, scheme)
                                    : KindStyle::normalText(background.isValid() ? ColorScheme::Light : scheme));
    if (selected && !background.isValid())
        text = opt.palette.color(QPalette::HighlightedText);

    if (index.column() == TimerModel::RemainingColumn) {
        // Large, bold, tabular: the one thing the Deputy reads from across the table.
        if (!background.isValid()) {
            // The style directly: the base class would fetch the text again and draw it small.
            QStyleOptionViewItem frame = opt;
            frame.text.clear();
            style(opt)->drawControl(QStyle::CE_ItemViewItem, &frame, painter, opt.widget);
        }
        painter->save();
        painter->setFont(remainingFont(opt.font));
        QColor remaining = flashing ? flash.text : KindStyle::timerText(phase, scheme);
        if (selected && !background.isValid())
            remaining = opt.palette.color(QPalette::HighlightedText);
        painter->setPen(remaining);
        painter->drawText(opt.rect.adjusted(4, 0, -8, 0), Qt::AlignRight | Qt::AlignVCenter, opt.text);
        painter->restore();
        return;
    }

    if (background.isValid() || muted) {
        opt.palette.setColor(QPalette::Text, text);
        opt.palette.setColor(QPalette::HighlightedText, text);
        if (background.isValid())
            opt.palette.setBrush(QPalette::Highlight, Qt::NoBrush);
    }
    if (index.column() == TimerModel::LabelColumn && (phase == TimerPhase::Expired || flashing))
        opt.font.setBold(true);
    if (phase == TimerPhase::Cancelled)
        opt.font.setStrikeOut(true);
    style(opt)->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
}

QSize TimerDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const QFontMetrics metrics(remainingFont(option.font));
    size.setHeight(qMax(size.height(), metrics.height() + 8));
    if (index.column() == TimerModel::RemainingColumn)
        size.setWidth(qMax(size.width(), remainingWidth(option.font, index.data().toString())));
    return size;
}

QFont TimerDelegate::remainingFont(const QFont &base) const
{
    QFont big = base;
    big.setPointSizeF(base.pointSizeF() * m_remainingScale);
    big.setBold(true);
    big.setStyleHint(QFont::Monospace);
    big.setFamily(QStringLiteral("DejaVu Sans Mono"));
    return big;
}

int TimerDelegate::remainingWidth(const QFont &base, const QString &text) const
{
    // Room for the shortest time at least, and for the whole of a longer text ("+48094:13:22"):
    // the digits are drawn right-aligned and would lose their first characters otherwise.
    const QFontMetrics metrics(remainingFont(base));
    return qMax(metrics.horizontalAdvance(m_shortestRemaining), metrics.horizontalAdvance(text)) + 16;
}

} // namespace cp
