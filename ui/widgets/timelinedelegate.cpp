#include "timelinedelegate.h"

#include "deferredicon.h"
#include "kindstyle.h"
#include "models/timelinemodel.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QPainter>
#include <QTextLayout>
#include <QToolTip>
#include <QTreeView>

namespace cp {

namespace {

constexpr int IconSize = 14;
constexpr int ChipPadding = 6;
constexpr int Gap = 4;

QStyle *styleOf(const QStyleOptionViewItem &option)
{
    return option.widget ? option.widget->style() : QApplication::style();
}

bool isSelected(const QStyleOptionViewItem &option)
{
    return option.state.testFlag(QStyle::State_Selected);
}

} // namespace

TimelineDelegate::TimelineDelegate(QObject *parent)
    : QStyledItemDelegate(parent), m_keyIcon(deferredIcon(QStringLiteral(":/icons/key-event.svg"))),
      m_backfillIcon(deferredIcon(QStringLiteral(":/icons/backfill.svg"))),
      m_editedIcon(deferredIcon(QStringLiteral(":/icons/edited.svg")))
{
}

QSize TimelineDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const QFontMetrics fm(option.font);
    const int lines = m_textLines > 1 ? textColumnLines(option, index) : 1;
    size.setHeight(qMax(size.height(), fm.height() + (lines - 1) * fm.lineSpacing() + 10));
    return size;
}

// How many lines the row's entry takes at the text column's width: a tree view asks for a row's
// height without a width, so the width comes from its header.
int TimelineDelegate::textColumnLines(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const auto *view = qobject_cast<const QTreeView *>(option.widget);
    if (!view)
        return 1;
    const QModelIndex textIndex = index.siblingAtColumn(TimelineModel::TextColumn);
    // The column less the item's margins, the star and the markers (see paintText).
    const bool keyEvent = textIndex.data(TimelineModel::KeyEventRole).toBool();
    const int margin = styleOf(option)->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, option.widget) + 1;
    const int width = view->columnWidth(TimelineModel::TextColumn) - 2 * margin - (keyEvent ? IconSize + Gap : 0) -
                      markerWidth(option.font, textIndex);
    QFont font = option.font;
    font.setBold(keyEvent);
    return int(textLinesFor(textIndex.data(Qt::DisplayRole).toString().simplified(), font, width).size());
}

// The text broken at word boundaries into at most m_textLines lines, the last one elided.
QStringList TimelineDelegate::textLinesFor(const QString &text, const QFont &font, int width) const
{
    if (m_textLines == 1 || width <= 0)
        return {QFontMetrics(font).elidedText(text, Qt::ElideRight, qMax(0, width))};
    QStringList lines;
    QTextLayout layout(text, font);
    layout.beginLayout();
    int consumed = 0;
    while (lines.size() < m_textLines - 1) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        lines << text.mid(line.textStart(), line.textLength()).trimmed();
        consumed = line.textStart() + line.textLength();
    }
    layout.endLayout();
    const QString rest = text.mid(consumed).trimmed();
    if (!rest.isEmpty() || lines.isEmpty())
        lines << QFontMetrics(font).elidedText(rest, Qt::ElideRight, width);
    return lines;
}

int TimelineDelegate::kindColumnWidth(const QFont &font) const
{
    QFont chipFont = font;
    chipFont.setPointSizeF(font.pointSizeF() * m_chipScale);
    chipFont.setBold(true);
    const QFontMetrics fm(chipFont);
    int widest = 0;
    for (EntryKind kind : EntryVocabulary::allKinds())
        widest = qMax(widest, fm.horizontalAdvance(EntryVocabulary::kindLabel(kind)));
    return widest + 2 * ChipPadding + 16;
}

int TimelineDelegate::timeColumnWidth(const QFont &font) const
{
    const QFontMetrics fm(font);
    return fm.horizontalAdvance(QStringLiteral("88:88:88")) + IconSize + Gap + 20;
}

void TimelineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt(option);
    initStyleOption(&opt, index);
    const bool retracted = index.data(TimelineModel::RetractedRole).toBool();
    if (retracted)
        opt.font.setStrikeOut(true);

    switch (index.column()) {
    case TimelineModel::TimeColumn:
        paintTime(painter, opt, index);
        return;
    case TimelineModel::KindColumn:
        paintKind(painter, opt, index);
        return;
    case TimelineModel::TextColumn:
        paintText(painter, opt, index);
        return;
    default:
        opt.palette.setColor(QPalette::Text, textColor(opt, retracted));
        styleOf(opt)->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
        return;
    }
}

void TimelineDelegate::paintBackground(QPainter *painter, QStyleOptionViewItem &option) const
{
    option.text.clear();
    option.icon = QIcon();
    option.features &= ~QStyleOptionViewItem::HasDecoration;
    styleOf(option)->drawControl(QStyle::CE_ItemViewItem, &option, painter, option.widget);
}

QColor TimelineDelegate::textColor(const QStyleOptionViewItem &option, bool retracted) const
{
    if (isSelected(option))
        return option.palette.color(QPalette::HighlightedText);
    if (retracted)
        return option.palette.color(QPalette::Disabled, QPalette::Text);
    return option.palette.color(QPalette::Text);
}

void TimelineDelegate::paintTime(QPainter *painter, QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QString text = option.text;
    const bool retracted = index.data(TimelineModel::RetractedRole).toBool();
    const bool backfilled = index.data(TimelineModel::BackfilledRole).toBool();
    QRect r = styleOf(option)->subElementRect(QStyle::SE_ItemViewItemText, &option, option.widget);
    paintBackground(painter, option);

    painter->save();
    painter->setFont(option.font);
    painter->setPen(textColor(option, retracted));
    const QFontMetrics fm(option.font);
    const int textWidth = fm.horizontalAdvance(text);
    painter->drawText(r, Qt::AlignVCenter | Qt::AlignLeft, text);
    if (backfilled) {
        const QRect iconRect(r.left() + textWidth + Gap, r.center().y() - IconSize / 2 + 1, IconSize, IconSize);
        m_backfillIcon.paint(painter, iconRect);
    }
    painter->restore();
}

void TimelineDelegate::paintKind(QPainter *painter, QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QString label = option.text;
    const auto kind = static_cast<EntryKind>(index.data(TimelineModel::KindRole).toInt());
    const bool retracted = index.data(TimelineModel::RetractedRole).toBool();
    QRect r = styleOf(option)->subElementRect(QStyle::SE_ItemViewItemText, &option, option.widget);
    paintBackground(painter, option);

    QFont chipFont = option.font;
    chipFont.setPointSizeF(option.font.pointSizeF() * m_chipScale);
    chipFont.setBold(true);
    chipFont.setStrikeOut(false);
    const QFontMetrics fm(chipFont);
    const int chipHeight = fm.height() + 4;
    const int chipWidth = qMin(r.width(), fm.horizontalAdvance(label) + 2 * ChipPadding);
    const QRectF chip(r.left(), r.center().y() - chipHeight / 2.0 + 0.5, chipWidth, chipHeight);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const Chip kindChip = KindStyle::kindChip(kind);
    const QColor color = kindChip.fill;
    if (retracted) {
        painter->setPen(QPen(color, 1.2));
        painter->setBrush(Qt::NoBrush);
    } else {
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
    }
    painter->drawRoundedRect(chip.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
    painter->setFont(chipFont);
    painter->setPen(retracted ? color : kindChip.text);
    painter->drawText(chip, Qt::AlignCenter, fm.elidedText(label, Qt::ElideRight, chipWidth - 2 * ChipPadding + 2));
    painter->restore();
}

QFont TimelineDelegate::markerFont(const QFont &base)
{
    QFont small = base;
    small.setStrikeOut(false);
    small.setBold(false);
    small.setPointSizeF(base.pointSizeF() * 0.85);
    return small;
}

// Room the markers after the text take: "edited" with its icon, "retracted".
int TimelineDelegate::markerWidth(const QFont &base, const QModelIndex &index) const
{
    const bool retracted = index.data(TimelineModel::RetractedRole).toBool();
    // A retraction is itself an amendment; "retracted" says all there is to say then.
    const bool edited = !retracted && index.data(TimelineModel::RevisionRole).toInt() > 0;
    const QFontMetrics smallFm(markerFont(base));
    int width = retracted ? smallFm.horizontalAdvance(tr("retracted")) + 2 * Gap : 0;
    if (edited)
        width += IconSize + smallFm.horizontalAdvance(tr("edited")) + 2 * Gap;
    return width;
}

void TimelineDelegate::paintText(QPainter *painter, QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QString text = option.text.simplified();
    const bool retracted = index.data(TimelineModel::RetractedRole).toBool();
    const bool keyEvent = index.data(TimelineModel::KeyEventRole).toBool();
    const bool edited = !retracted && index.data(TimelineModel::RevisionRole).toInt() > 0;
    const QRect r = styleOf(option)->subElementRect(QStyle::SE_ItemViewItemText, &option, option.widget);
    const int markers = markerWidth(option.font, index);
    paintBackground(painter, option);

    painter->save();
    int x = r.left();
    if (keyEvent) {
        m_keyIcon.paint(painter, QRect(x, r.center().y() - IconSize / 2 + 1, IconSize, IconSize), Qt::AlignCenter,
                        retracted ? QIcon::Disabled : QIcon::Normal);
        x += IconSize + Gap;
    }

    QFont font = option.font;
    font.setBold(keyEvent);
    const QFontMetrics fm(font);
    const int available = qMax(0, r.right() - x - markers);
    const QStringList lines = textLinesFor(text, font, available);
    painter->setFont(font);
    painter->setPen(textColor(option, retracted));
    // The lines as one block in the middle of the row; the markers follow the last one.
    const int blockHeight = fm.height() + int(lines.size() - 1) * fm.lineSpacing();
    QRect line(x, r.top() + (r.height() - blockHeight) / 2, available, fm.height());
    if (lines.size() == 1)
        line = QRect(x, r.top(), available, r.height());
    for (const QString &shown : lines) {
        painter->drawText(line, Qt::AlignVCenter | Qt::AlignLeft, shown);
        line.translate(0, fm.lineSpacing());
    }
    line.translate(0, -fm.lineSpacing());
    x += fm.horizontalAdvance(lines.constLast()) + 2 * Gap;

    // The markers in a smaller, quieter type.
    const QFont small = markerFont(option.font);
    const QFontMetrics smallFm(small);
    painter->setFont(small);
    QColor quiet = isSelected(option) ? option.palette.color(QPalette::HighlightedText)
                                      : option.palette.color(QPalette::PlaceholderText);
    painter->setPen(quiet);
    if (edited) {
        m_editedIcon.paint(painter, QRect(x, line.center().y() - IconSize / 2 + 1, IconSize, IconSize));
        x += IconSize + 2;
        const QString word = tr("edited");
        painter->drawText(QRect(x, line.top(), smallFm.horizontalAdvance(word) + 1, line.height()),
                          Qt::AlignVCenter | Qt::AlignLeft, word);
    }
    if (retracted) {
        const QString word = tr("retracted");
        painter->drawText(QRect(x, line.top(), smallFm.horizontalAdvance(word) + 1, line.height()),
                          Qt::AlignVCenter | Qt::AlignLeft, word);
    }
    painter->restore();
}

bool TimelineDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                                 const QModelIndex &index)
{
    if (!event || !view || event->type() != QEvent::ToolTip || !index.isValid())
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    QStringList lines;
    if (index.column() == TimelineModel::TextColumn)
        lines << index.data(TimelineModel::TextRole).toString() << QString();
    if (index.data(TimelineModel::KeyEventRole).toBool())
        lines << tr("★ Key event");
    if (index.data(TimelineModel::BackfilledRole).toBool())
        lines << tr("Backfilled: logged after it happened");
    lines << index.data(Qt::ToolTipRole).toString();
    QToolTip::showText(event->globalPos(), lines.join(QLatin1Char('\n')), view->viewport(), view->visualRect(index));
    return true;
}

} // namespace cp
