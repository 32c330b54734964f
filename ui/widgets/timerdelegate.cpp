#include "timerdelegate.h"

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

QColor TimerDelegate::phaseColor(TimerPhase phase)
{
    switch (phase) {
    case TimerPhase::Expired:
        return QColor(0xc6, 0x28, 0x28);
    case TimerPhase::DueSoon:
        return QColor(0xb2, 0x6a, 0x00);
    case TimerPhase::Running:
        return QColor(0x21, 0x21, 0x21);
    case TimerPhase::Paused:
    case TimerPhase::Acknowledged:
    case TimerPhase::Cancelled:
        return QColor(0x75, 0x75, 0x75);
    }
    return {};
}

QColor TimerDelegate::phaseBackground(TimerPhase phase)
{
    switch (phase) {
    case TimerPhase::Expired:
        return QColor(0xff, 0xcd, 0xd2);
    case TimerPhase::DueSoon:
        return QColor(0xff, 0xe0, 0x82);
    default:
        return {};
    }
}

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

    QColor background = flashing ? flashColor() : phaseBackground(phase);
    if (background.isValid()) {
        if (selected)
            background = background.darker(125);
        painter->fillRect(opt.rect, background);
        opt.backgroundBrush = Qt::NoBrush;
    }
    const bool muted = phase == TimerPhase::Acknowledged || phase == TimerPhase::Cancelled;
    QColor text = flashing ? QColor(Qt::white) : (muted ? phaseColor(phase) : QColor(0x21, 0x21, 0x21));
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
        QColor remaining = flashing ? QColor(Qt::white) : phaseColor(phase);
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
