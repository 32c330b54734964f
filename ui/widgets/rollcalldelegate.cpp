#include "rollcalldelegate.h"

#include "models/rollcallmodel.h"

#include <QPainter>

namespace cp {

RollCallDelegate::RollCallDelegate(int conditionColumn, QObject *parent)
    : QStyledItemDelegate(parent), m_conditionColumn(conditionColumn)
{
}

QColor RollCallDelegate::conditionColor(const QString &key)
{
    if (key == QLatin1String("healthy"))
        return QColor(0x2e, 0x7d, 0x32);
    if (key == QLatin1String("degraded"))
        return QColor(0xef, 0x8f, 0x00);
    if (key == QLatin1String("down"))
        return QColor(0xc6, 0x28, 0x28);
    if (key == QLatin1String("unknown"))
        return QColor(0x75, 0x75, 0x75);
    return {};
}

void RollCallDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const bool missed = m_conditionColumn < 0 || index.data(RollCallModel::MissedRole).toBool();
    const QString state = index.data(RollCallModel::StateKeyRole).toString();
    if (missed) {
        option->font.setBold(true);
        option->palette.setColor(QPalette::Text, missedColor());
        option->palette.setColor(QPalette::HighlightedText, QColor(Qt::white));
    } else if (state == QLatin1String("skipped")) {
        option->font.setItalic(true);
        option->palette.setColor(QPalette::Text, QColor(0x9e, 0x9e, 0x9e));
    }
    if (index.column() == m_conditionColumn) {
        const QColor color = conditionColor(index.data(RollCallModel::ConditionKeyRole).toString());
        if (color.isValid()) {
            option->backgroundBrush = color;
            option->palette.setColor(QPalette::Text, QColor(Qt::white));
            option->font.setBold(true);
        }
    }
}

void RollCallDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    if (index.column() == m_conditionColumn && opt.backgroundBrush.style() != Qt::NoBrush) {
        // The colour stays visible on the selected row too: the selection shows as a frame.
        painter->fillRect(opt.rect.adjusted(1, 1, -1, -1), opt.backgroundBrush);
        const bool selected = opt.state & QStyle::State_Selected;
        painter->save();
        painter->setFont(opt.font);
        painter->setPen(Qt::white);
        painter->drawText(opt.rect.adjusted(6, 0, -4, 0), Qt::AlignVCenter | Qt::AlignLeft,
                          opt.fontMetrics.elidedText(index.data().toString(), Qt::ElideRight, opt.rect.width() - 10));
        if (selected) {
            painter->setPen(QPen(opt.palette.color(QPalette::Highlight), 2));
            painter->drawRect(opt.rect.adjusted(1, 1, -1, -1));
        }
        painter->restore();
        return;
    }
    QStyledItemDelegate::paint(painter, opt, index);
}

} // namespace cp
