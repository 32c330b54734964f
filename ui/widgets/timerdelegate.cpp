#include "timerdelegate.h"

#include "kindstyle.h"
#include "models/timermodel.h"

#include <QApplication>
#include <QPainter>

namespace cp {

namespace {

constexpr qreal RemainingScale = 1.6;

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
        QFont big = opt.font;
        big.setPointSizeF(big.pointSizeF() * RemainingScale);
        big.setBold(true);
        big.setStyleHint(QFont::Monospace);
        big.setFamily(QStringLiteral("DejaVu Sans Mono"));
        painter->save();
        painter->setFont(big);
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
    QFont big = option.font;
    big.setPointSizeF(big.pointSizeF() * RemainingScale);
    big.setBold(true);
    const QFontMetrics metrics(big);
    size.setHeight(qMax(size.height(), metrics.height() + 8));
    if (index.column() == TimerModel::RemainingColumn)
        size.setWidth(qMax(size.width(), metrics.horizontalAdvance(QStringLiteral("+00:00:00")) + 16));
    return size;
}

} // namespace cp
