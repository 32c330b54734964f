#include "rollcalldelegate.h"

#include "kindstyle.h"
#include "models/rollcallmodel.h"

#include <QPainter>
#include <QTreeView>

namespace cp {

RollCallDelegate::RollCallDelegate(int conditionColumn, QObject *parent)
    : QStyledItemDelegate(parent), m_conditionColumn(conditionColumn)
{
}

QSize RollCallDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const auto *tree = qobject_cast<const QTreeView *>(parent());
    if (!tree || !tree->wordWrap() || index.column() == m_conditionColumn)
        return QStyledItemDelegate::sizeHint(option, index);
    QStyleOptionViewItem wrapped = option;
    wrapped.rect =
        QRect(0, 0, tree->columnWidth(index.column()), option.fontMetrics.height()); // valid: the style wraps
    return QStyledItemDelegate::sizeHint(wrapped, index);
}

void RollCallDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const bool missed = m_conditionColumn < 0 || index.data(RollCallModel::MissedRole).toBool();
    const QString state = index.data(RollCallModel::StateKeyRole).toString();
    const ColorScheme scheme = KindStyle::schemeOf(option->palette);
    if (missed) {
        option->font.setBold(true);
        option->palette.setColor(QPalette::Text, KindStyle::text(KindStyle::Tone::Error, scheme));
    } else if (state == QLatin1String("skipped")) {
        option->font.setItalic(true);
        option->palette.setColor(QPalette::Text, KindStyle::text(KindStyle::Tone::Quiet, scheme));
    }
    if (index.column() == m_conditionColumn) {
        const Chip chip = KindStyle::conditionChip(index.data(RollCallModel::ConditionKeyRole).toString());
        if (chip.isValid()) {
            option->backgroundBrush = chip.fill;
            option->palette.setColor(QPalette::Text, chip.text);
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
        painter->setPen(opt.palette.color(QPalette::Text)); // the chip's text colour
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
