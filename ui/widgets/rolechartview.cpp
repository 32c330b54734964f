#include "rolechartview.h"

#include "models/peoplemodel.h"
#include "models/roletreemodel.h"
#include "widgets/kindstyle.h"

#include <QAccessible>
#include <QAccessibleWidget>
#include <QContextMenuEvent>
#include <QGraphicsSceneDragDropEvent>
#include <QGraphicsSimpleTextItem>
#include <QImage>
#include <QKeyEvent>
#include <QMimeData>
#include <QPainter>
#include <QResizeEvent>
#include <QStyleOptionGraphicsItem>
#include <QSvgGenerator>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace cp {

namespace {

// A graphics view is a "filler" to assistive technology, which says nothing of what it shows:
// the role chart is a chart.
QAccessibleInterface *roleChartAccessible(const QString &className, QObject *object)
{
    if (className == QLatin1String("cp::RoleChartView") && object && object->isWidgetType())
        return new QAccessibleWidget(static_cast<QWidget *>(object), QAccessible::Chart);
    return nullptr;
}

constexpr qreal StaffGap = 28;            // between a lead and its staff roles
constexpr qreal SiblingGap = 26;          // between sibling subtrees
constexpr qreal LevelGap = 56;            // between a lead and the row below it
constexpr qreal StackGap = 12;            // between cards stacked in a column
constexpr qreal WholeChartMinimum = 0.05; // Ctrl+0: the whole chart, however small
constexpr qreal StackIndent = 22;         // a stacked column hangs off a spine this far to its left
constexpr int MaxStack = 5;               // cards per stacked column
constexpr qreal Margin = 40;

const KindStyle::RoleCardColours &colours()
{
    return KindStyle::roleCard();
}

struct Node
{
    QString key;
    QString subTeam;
    bool staff = false;
    QList<Node> staffRoles;
    QList<Node> children;
    // layout
    qreal width = 0;
    bool stacked = false;
};

Node readNode(const QAbstractItemModel &model, const QModelIndex &index)
{
    Node node;
    node.key = index.data(RoleTreeModel::RoleKeyRole).toString();
    node.subTeam = index.data(RoleTreeModel::SubTeamRole).toString();
    node.staff = index.data(RoleTreeModel::StaffRole).toBool();
    for (int row = 0; row < model.rowCount(index); ++row) {
        Node child = readNode(model, model.index(row, 0, index));
        (child.staff ? node.staffRoles : node.children) << child;
    }
    return node;
}

// Keeps the roles someone holds, the required ones left vacant (a gap that matters) and whatever
// leads to them; drops the rest.
bool pruneToStaffed(Node &node, const RoleTreeModel &model)
{
    const auto keep = [&model](Node &child) { return pruneToStaffed(child, model); };
    node.staffRoles.erase(
        std::remove_if(node.staffRoles.begin(), node.staffRoles.end(), [&keep](Node &child) { return !keep(child); }),
        node.staffRoles.end());
    node.children.erase(
        std::remove_if(node.children.begin(), node.children.end(), [&keep](Node &child) { return !keep(child); }),
        node.children.end());
    const QModelIndex index = model.indexOfRole(node.key);
    const bool staffed = !index.data(RoleTreeModel::HolderNamesRole).toStringList().isEmpty() ||
                         index.data(RoleTreeModel::VacantRequiredRole).toBool();
    return staffed || !node.children.isEmpty() || !node.staffRoles.isEmpty();
}

bool isLeaf(const Node &node)
{
    return node.children.isEmpty() && node.staffRoles.isEmpty();
}

qreal headWidth(const Node &node)
{
    return RoleCardItem::Width + node.staffRoles.size() * (RoleCardItem::Width + StaffGap);
}

void measure(Node &node)
{
    qreal row = 0;
    int leaves = 0;
    for (Node &child : node.children) {
        measure(child);
        if (isLeaf(child))
            ++leaves;
    }
    // Many plain reports hang in columns under their lead instead of one long row.
    node.stacked = leaves > 3 || (leaves > 0 && leaves < node.children.size());
    int columns = 0;
    for (const Node &child : node.children) {
        if (node.stacked && isLeaf(child))
            continue;
        row += (row > 0 ? SiblingGap : 0) + child.width;
    }
    if (node.stacked) {
        columns = (leaves + MaxStack - 1) / MaxStack;
        row += (row > 0 ? SiblingGap : 0) + columns * (RoleCardItem::Width + StackIndent) + (columns - 1) * SiblingGap;
    }
    node.width = std::max(headWidth(node), row);
}

QGraphicsLineItem *line(QGraphicsScene *scene, QList<QGraphicsItem *> &into, QPointF a, QPointF b,
                        Qt::PenStyle style = Qt::SolidLine)
{
    QPen pen(colours().edge, 1.6, style);
    pen.setCapStyle(Qt::FlatCap);
    auto *item = scene->addLine(QLineF(a, b), pen);
    item->setZValue(-1);
    into << item;
    return item;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// RoleChartView

RoleChartView::RoleChartView(RoleTreeModel &model, QWidget *parent)
    : QGraphicsView(parent), m_model(model), m_scene(new QGraphicsScene(this))
{
    static const bool accessible = [] {
        QAccessible::installFactory(roleChartAccessible);
        return true;
    }();
    Q_UNUSED(accessible)
    setObjectName(QStringLiteral("roleChartView"));
    setScene(m_scene);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setAcceptDrops(true);
    setBackgroundBrush(colours().background);
    setFocusPolicy(Qt::StrongFocus);

    m_layoutTimer.setSingleShot(true);
    m_layoutTimer.setInterval(0);
    connect(&m_layoutTimer, &QTimer::timeout, this, &RoleChartView::relayout);
    connect(&m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_fitPending = true;
        scheduleLayout();
    });
    connect(&m_model, &QAbstractItemModel::rowsInserted, this, &RoleChartView::scheduleLayout);
    connect(&m_model, &QAbstractItemModel::rowsRemoved, this, &RoleChartView::scheduleLayout);
    connect(&m_model, &QAbstractItemModel::dataChanged, this, &RoleChartView::scheduleLayout);
    connect(&m_model, &QAbstractItemModel::layoutChanged, this, &RoleChartView::scheduleLayout);
    relayout();
}

RoleChartView::~RoleChartView() = default;

void RoleChartView::scheduleLayout()
{
    m_layoutTimer.start();
}

RoleCardItem *RoleChartView::card(const QString &roleKey) const
{
    return m_cards.value(roleKey);
}

QList<RoleCardItem *> RoleChartView::cards() const
{
    return m_cards.values();
}

QString RoleChartView::currentRoleKey() const
{
    const QList<QGraphicsItem *> selected = m_scene->selectedItems();
    for (QGraphicsItem *item : selected) {
        if (auto *card = dynamic_cast<RoleCardItem *>(item))
            return card->roleKey();
    }
    return {};
}

void RoleChartView::selectRole(const QString &roleKey)
{
    m_scene->clearSelection();
    if (RoleCardItem *item = card(roleKey)) {
        item->setSelected(true);
        m_scene->setFocusItem(item);
        ensureVisible(item);
    }
}

void RoleChartView::setStaffedOnly(bool staffedOnly)
{
    m_staffedOnly = staffedOnly;
    relayout();
}

void RoleChartView::relayout()
{
    m_layoutTimer.stop();
    const QString selected = currentRoleKey();

    QList<Node> roots;
    for (int row = 0; row < m_model.rowCount(); ++row) {
        Node root = readNode(m_model, m_model.index(row, 0));
        if (!m_staffedOnly || pruneToStaffed(root, m_model))
            roots << root;
    }

    // Cards are kept (and updated in place) so a change does not rebuild what did not move.
    QSet<QString> seen;
    const std::function<void(const Node &)> collect = [&](const Node &node) {
        seen.insert(node.key);
        for (const Node &child : node.staffRoles)
            collect(child);
        for (const Node &child : node.children)
            collect(child);
    };
    for (const Node &root : roots)
        collect(root);
    for (auto it = m_cards.begin(); it != m_cards.end();) {
        if (!seen.contains(it.key())) {
            delete it.value();
            it = m_cards.erase(it);
        } else {
            ++it;
        }
    }
    for (const QString &key : std::as_const(seen)) {
        RoleCardItem *item = m_cards.value(key);
        if (!item) {
            item = new RoleCardItem(*this, key);
            m_scene->addItem(item);
            m_cards.insert(key, item);
        }
        const QModelIndex index = m_model.indexOfRole(key);
        item->setContent(
            index.data(Qt::DisplayRole).toString(), index.data(RoleTreeModel::ShortNameRole).toString(),
            index.data(RoleTreeModel::HolderNamesRole).toStringList(), index.data(RoleTreeModel::RequiredRole).toBool(),
            index.data(RoleTreeModel::VacantRequiredRole).toBool(), index.data(RoleTreeModel::OverSpanRole).toBool(),
            index.data(RoleTreeModel::DirectReportsRole).toInt(),
            index.data(RoleTreeModel::MultipleHoldersRole).toBool());
    }

    qDeleteAll(m_decorations);
    m_decorations.clear();

    const qreal W = RoleCardItem::Width;
    const qreal H = RoleCardItem::Height;
    QList<QPair<QString, QRectF>> frames; // sub-team name, the area its roles cover

    std::function<QRectF(const Node &, qreal, qreal, const QString &)> place;
    place = [&](const Node &node, qreal x, qreal y, const QString &parentTeam) -> QRectF {
        const qreal head = headWidth(node);
        const qreal headX = x + (node.width - head) / 2;
        RoleCardItem *item = m_cards.value(node.key);
        item->setPos(headX, y);
        QRectF covered(headX, y, head, H);
        qreal sx = headX + W + StaffGap;
        for (const Node &staff : node.staffRoles) {
            m_cards.value(staff.key)->setPos(sx, y);
            line(m_scene, m_decorations, QPointF(sx - StaffGap, y + H / 2), QPointF(sx, y + H / 2), Qt::DashLine);
            sx += W + StaffGap;
        }
        if (!node.children.isEmpty()) {
            // The row below: branch subtrees first, then the stacked columns of plain reports.
            qreal rowWidth = 0;
            QList<const Node *> leaves;
            QList<const Node *> branches;
            for (const Node &child : node.children) {
                if (node.stacked && isLeaf(child))
                    leaves << &child;
                else
                    branches << &child;
            }
            for (const Node *child : branches)
                rowWidth += (rowWidth > 0 ? SiblingGap : 0) + child->width;
            const int columns = (leaves.size() + MaxStack - 1) / MaxStack;
            if (columns > 0)
                rowWidth += (rowWidth > 0 ? SiblingGap : 0) + columns * (W + StackIndent) + (columns - 1) * SiblingGap;
            qreal cx = x + (node.width - rowWidth) / 2;
            const qreal rowY = y + H + LevelGap;
            const qreal busY = y + H + LevelGap / 2;
            const QPointF from(headX + W / 2, y + H);
            QList<qreal> drops;
            for (const Node *child : branches) {
                const QRectF area = place(*child, cx, rowY, node.subTeam);
                covered |= area;
                drops << m_cards.value(child->key)->pos().x() + W / 2;
                cx += child->width + SiblingGap;
            }
            for (int c = 0; c < columns; ++c) {
                const qreal spineX = cx + StackIndent / 2;
                const qreal cardX = cx + StackIndent;
                qreal lastMid = rowY;
                for (int i = c * MaxStack; i < std::min<int>(leaves.size(), (c + 1) * MaxStack); ++i) {
                    const qreal cardY = rowY + (i - c * MaxStack) * (H + StackGap);
                    m_cards.value(leaves.at(i)->key)->setPos(cardX, cardY);
                    covered |= QRectF(cardX, cardY, W, H);
                    lastMid = cardY + H / 2;
                    line(m_scene, m_decorations, QPointF(spineX, lastMid), QPointF(cardX, lastMid));
                }
                line(m_scene, m_decorations, QPointF(spineX, busY), QPointF(spineX, lastMid));
                drops << spineX;
                cx += W + StackIndent + SiblingGap;
            }
            line(m_scene, m_decorations, from, QPointF(from.x(), busY));
            if (!drops.isEmpty()) {
                const qreal left = std::min(from.x(), *std::min_element(drops.begin(), drops.end()));
                const qreal right = std::max(from.x(), *std::max_element(drops.begin(), drops.end()));
                line(m_scene, m_decorations, QPointF(left, busY), QPointF(right, busY));
            }
            for (const Node *child : branches) {
                const qreal dx = m_cards.value(child->key)->pos().x() + W / 2;
                line(m_scene, m_decorations, QPointF(dx, busY), QPointF(dx, rowY));
            }
        }
        if (!node.subTeam.isEmpty() && node.subTeam != parentTeam)
            frames << qMakePair(node.subTeam, covered);
        return covered;
    };

    qreal x = 0;
    for (Node &root : roots) {
        measure(root);
        place(root, x, 0, QString());
        x += root.width + SiblingGap * 2;
    }

    for (const auto &frame : std::as_const(frames)) {
        const QRectF area = frame.second.adjusted(-12, -12, 12, 30);
        auto *rect = m_scene->addRect(
            area, QPen(colours().teamFrame, 1.2, Qt::DashLine),
            QColor(colours().teamFrame.red(), colours().teamFrame.green(), colours().teamFrame.blue(), 18));
        rect->setZValue(-2);
        m_decorations << rect;
        auto *label =
            m_scene->addSimpleText(QCoreApplication::translate("cp::RoleChartView", "Sub-team %1").arg(frame.first));
        QFont font = this->font();
        font.setBold(true);
        label->setFont(font);
        label->setBrush(colours().teamLabel);
        label->setPos(area.left() + 10, area.bottom() - 24);
        label->setZValue(-1);
        m_decorations << label;
    }

    const QRectF bounds = m_scene->itemsBoundingRect();
    m_scene->setSceneRect(bounds.isNull() ? QRectF(0, 0, 10, 10) : bounds.adjusted(-Margin, -Margin, Margin, Margin));
    if (!selected.isEmpty() && m_cards.contains(selected))
        m_cards.value(selected)->setSelected(true);
    if ((m_fitPending || m_followFit) && !m_cards.isEmpty()) {
        m_fitPending = false;
        fitToView(m_fitWhole ? WholeChartMinimum : m_followFitMinimum);
    }
}

qreal RoleChartView::zoom() const
{
    return transform().m11();
}

void RoleChartView::setZoom(qreal zoom)
{
    zoom = std::clamp(zoom, 0.05, 4.0);
    setTransform(QTransform::fromScale(zoom, zoom));
}

void RoleChartView::zoomIn()
{
    m_followFit = false;
    m_fitWhole = false;
    setZoom(zoom() * 1.25);
}

void RoleChartView::zoomOut()
{
    m_followFit = false;
    m_fitWhole = false;
    setZoom(zoom() / 1.25);
}

void RoleChartView::zoomToFit()
{
    m_followFit = true;
    m_fitWhole = true;
    fitToView(WholeChartMinimum); // asked for: the whole chart, however small
}

void RoleChartView::fitToView(qreal minimumZoom)
{
    const QRectF rect = m_scene->sceneRect();
    if (rect.isEmpty() || viewport()->width() < 10)
        return;
    const qreal scale = std::min(viewport()->width() / rect.width(), viewport()->height() / rect.height());
    // Never blow a small chart up past readable size.
    const qreal zoom = std::clamp(scale, minimumZoom, 1.2);
    setZoom(zoom);
    if (scale >= minimumZoom) {
        centerOn(rect.center());
        return;
    }
    // Too big to fit legibly: the top of the tree (the commander and who reports to them) is in
    // view, not a slice through its middle; the rest scrolls.
    const qreal visibleHeight = viewport()->height() / zoom;
    centerOn(rect.center().x(), rect.top() + std::min(visibleHeight, rect.height()) / 2);
}

void RoleChartView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    // Following the dock's size, the chart never shrinks past legible text; a short dock scrolls.
    if (m_followFit && !m_cards.isEmpty())
        fitToView(m_fitWhole ? WholeChartMinimum : m_followFitMinimum);
}

void RoleChartView::renderTo(QPainter &painter, const QRectF &target) const
{
    const QList<QGraphicsItem *> selected = m_scene->selectedItems();
    for (QGraphicsItem *item : selected)
        item->setSelected(false);
    painter.fillRect(target, Qt::white);
    m_scene->render(&painter, target, m_scene->sceneRect());
    for (QGraphicsItem *item : selected)
        item->setSelected(true);
}

bool RoleChartView::exportPng(const QString &path) const
{
    const QRectF rect = m_scene->sceneRect();
    QImage image((rect.size() * 2).toSize(), QImage::Format_RGB32);
    image.setDevicePixelRatio(2);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    renderTo(painter, QRectF(QPointF(0, 0), rect.size()));
    painter.end();
    return image.save(path, "PNG");
}

bool RoleChartView::exportSvg(const QString &path, const QString &title) const
{
    const QRectF rect = m_scene->sceneRect();
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(rect.size().toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), rect.size()));
    generator.setTitle(title);
    generator.setDescription(tr("Role chart exported by CommandPost"));
    QPainter painter;
    if (!painter.begin(&generator))
        return false;
    renderTo(painter, QRectF(QPointF(0, 0), rect.size()));
    return painter.end();
}

void RoleChartView::contextMenuEvent(QContextMenuEvent *event)
{
    QString key;
    QPoint global = event->globalPos();
    if (event->reason() == QContextMenuEvent::Keyboard) {
        key = currentRoleKey();
        if (RoleCardItem *item = card(key))
            global = viewport()->mapToGlobal(mapFromScene(item->sceneBoundingRect().center()));
    } else {
        for (QGraphicsItem *item = itemAt(event->pos()); item; item = item->parentItem()) {
            if (auto *cardItem = dynamic_cast<RoleCardItem *>(item)) {
                key = cardItem->roleKey();
                break;
            }
        }
        if (!key.isEmpty())
            selectRole(key);
    }
    if (!key.isEmpty()) {
        emit contextMenuRequested(key, global);
        event->accept();
    }
}

void RoleChartView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        event->angleDelta().y() > 0 ? zoomIn() : zoomOut();
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void RoleChartView::mouseDoubleClickEvent(QMouseEvent *event)
{
    for (QGraphicsItem *item = itemAt(event->pos()); item; item = item->parentItem()) {
        if (auto *cardItem = dynamic_cast<RoleCardItem *>(item)) {
            emit activated(cardItem->roleKey());
            return;
        }
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

void RoleChartView::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && !currentRoleKey().isEmpty()) {
        emit activated(currentRoleKey());
        return;
    }
    // Arrow keys walk the cards in reading order.
    if (event->key() == Qt::Key_Left || event->key() == Qt::Key_Right || event->key() == Qt::Key_Up ||
        event->key() == Qt::Key_Down) {
        QList<RoleCardItem *> all = cards();
        if (!all.isEmpty()) {
            std::sort(all.begin(), all.end(), [](RoleCardItem *a, RoleCardItem *b) {
                return std::make_pair(a->y(), a->x()) < std::make_pair(b->y(), b->x());
            });
            int at = -1;
            for (int i = 0; i < all.size(); ++i)
                if (all.at(i)->roleKey() == currentRoleKey())
                    at = i;
            const bool forward = event->key() == Qt::Key_Right || event->key() == Qt::Key_Down;
            at = at < 0 ? 0 : (at + (forward ? 1 : all.size() - 1)) % all.size();
            selectRole(all.at(at)->roleKey());
            return;
        }
    }
    QGraphicsView::keyPressEvent(event);
}

// ---------------------------------------------------------------------------------------------
// RoleCardItem

RoleCardItem::RoleCardItem(RoleChartView &view, const QString &roleKey) : m_view(view), m_key(roleKey)
{
    setFlags(ItemIsSelectable | ItemIsFocusable);
    setAcceptDrops(true);
    setCursor(Qt::PointingHandCursor);
}

void RoleCardItem::setContent(const QString &title, const QString &shortName, const QStringList &holders, bool required,
                              bool vacantRequired, bool overSpan, int directReports, bool multiple)
{
    if (m_title == title && m_shortName == shortName && m_holders == holders && m_required == required &&
        m_vacantRequired == vacantRequired && m_overSpan == overSpan && m_directReports == directReports &&
        m_multiple == multiple)
        return;
    m_title = title;
    m_shortName = shortName;
    m_holders = holders;
    m_required = required;
    m_vacantRequired = vacantRequired;
    m_overSpan = overSpan;
    m_directReports = directReports;
    m_multiple = multiple;
    setToolTip(text());
    update();
}

QString RoleCardItem::text() const
{
    QStringList parts{m_title};
    if (m_vacantRequired)
        parts << QCoreApplication::translate("cp::RoleChartView", "VACANT");
    else if (m_holders.isEmpty())
        parts << QCoreApplication::translate("cp::RoleChartView", "vacant");
    else
        parts << m_holders.join(QStringLiteral(", "));
    if (m_overSpan)
        parts << QCoreApplication::translate("cp::RoleChartView", "%1 direct reports: over the span of control")
                     .arg(m_directReports);
    return parts.join(QStringLiteral(" — "));
}

QRectF RoleCardItem::boundingRect() const
{
    return QRectF(-3, -3, Width + 6, Height + 6);
}

void RoleCardItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    Q_UNUSED(option)
    Q_UNUSED(widget)
    const QRectF box(0, 0, Width, Height);
    const bool command = m_shortName == QStringLiteral("IC") || m_key == QStringLiteral("ic");

    const KindStyle::RoleCardColours &c = colours();
    QColor border = m_vacantRequired ? c.vacantRequired : (m_overSpan ? c.span : c.border);
    QPen pen(border, m_vacantRequired || m_overSpan ? 2.4 : 1.2, m_vacantRequired ? Qt::DashLine : Qt::SolidLine);
    if (isSelected() || m_dropHover) {
        pen = QPen(c.select, 3, m_dropHover ? Qt::DotLine : Qt::SolidLine);
    }
    painter->setPen(pen);
    painter->setBrush(m_vacantRequired ? c.vacantFill : (command ? c.commandFill : c.cardFill));
    painter->drawRoundedRect(box, 7, 7);

    // A coloured strip says at a glance: held (green), vacant (grey or red).
    const QColor strip = m_vacantRequired ? c.vacantRequired : (m_holders.isEmpty() ? c.stripVacant : c.stripHeld);
    painter->setPen(Qt::NoPen);
    painter->setBrush(strip);
    painter->drawRoundedRect(QRectF(0, 0, 6, Height), 3, 3);

    const qreal left = 14;
    const qreal inner = Width - left - 8;
    QFont base = m_view.font();
    QFont titleFont = base;
    titleFont.setBold(true);
    titleFont.setPointSizeF(base.pointSizeF() + 1);
    QFont small = base;
    small.setPointSizeF(std::max(7.0, base.pointSizeF() - 1));

    // Short name badge on the right.
    qreal titleWidth = inner;
    if (!m_shortName.isEmpty() && m_shortName != m_title) {
        painter->setFont(small);
        const QFontMetricsF fm(small);
        const qreal w = fm.horizontalAdvance(m_shortName) + 10;
        const QRectF badge(Width - 8 - w, 7, w, fm.height() + 2);
        painter->setPen(Qt::NoPen);
        painter->setBrush(c.badgeFill);
        painter->drawRoundedRect(badge, 4, 4);
        painter->setPen(c.badgeText);
        painter->drawText(badge, Qt::AlignCenter, m_shortName);
        titleWidth -= w + 6;
    }

    painter->setFont(titleFont);
    painter->setPen(c.title);
    const QFontMetricsF tfm(titleFont);
    painter->drawText(QRectF(left, 6, titleWidth, tfm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      tfm.elidedText(m_title, Qt::ElideRight, titleWidth));

    const qreal holdersTop = 8 + tfm.height();
    QFont holderFont = base;
    holderFont.setPointSizeF(base.pointSizeF() + 0.5);
    const QFontMetricsF hfm(holderFont);
    if (m_holders.isEmpty()) {
        QFont vacant = holderFont;
        vacant.setBold(m_vacantRequired);
        vacant.setItalic(!m_vacantRequired);
        painter->setFont(vacant);
        painter->setPen(m_vacantRequired ? c.vacantRequired : c.vacant);
        painter->drawText(QRectF(left, holdersTop, inner, hfm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                          m_vacantRequired ? QCoreApplication::translate("cp::RoleChartView", "VACANT — required")
                                           : QCoreApplication::translate("cp::RoleChartView", "vacant"));
    } else {
        painter->setFont(holderFont);
        painter->setPen(c.holder);
        const QString first = m_holders.first();
        QString line1 = first;
        QString line2;
        if (m_holders.size() > 1) {
            line1 = m_holders.mid(0, 2).join(QStringLiteral(", "));
            if (m_holders.size() > 2)
                line2 = QCoreApplication::translate("cp::RoleChartView", "+ %1")
                            .arg(m_holders.mid(2).join(QStringLiteral(", ")));
        }
        painter->drawText(QRectF(left, holdersTop, inner, hfm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                          hfm.elidedText(line1, Qt::ElideRight, inner));
        if (!line2.isEmpty())
            painter->drawText(QRectF(left, holdersTop + hfm.height(), inner, hfm.height()),
                              Qt::AlignLeft | Qt::AlignVCenter, hfm.elidedText(line2, Qt::ElideRight, inner));
    }

    // Bottom line: span of control and how many may hold the role.
    painter->setFont(small);
    const QFontMetricsF sfm(small);
    const QRectF bottom(left, Height - sfm.height() - 5, inner, sfm.height());
    if (m_overSpan) {
        painter->setPen(c.span);
        painter->drawText(bottom, Qt::AlignLeft | Qt::AlignVCenter,
                          QCoreApplication::translate("cp::RoleChartView", "⚠ %1 reports: over span of control")
                              .arg(m_directReports));
    } else {
        painter->setPen(c.note);
        QStringList notes;
        if (m_required)
            notes << QCoreApplication::translate("cp::RoleChartView", "required");
        if (m_multiple)
            notes << QCoreApplication::translate("cp::RoleChartView", "several may hold");
        if (m_directReports > 0)
            notes << (m_directReports == 1
                          ? QCoreApplication::translate("cp::RoleChartView", "1 report")
                          : QCoreApplication::translate("cp::RoleChartView", "%1 reports").arg(m_directReports));
        painter->drawText(bottom, Qt::AlignLeft | Qt::AlignVCenter, notes.join(QStringLiteral(" · ")));
    }
}

void RoleCardItem::dragEnterEvent(QGraphicsSceneDragDropEvent *event)
{
    const bool ok = event->mimeData()->hasFormat(PeopleModel::PersonMimeType);
    event->setAccepted(ok);
    if (ok) {
        event->setDropAction(Qt::LinkAction);
        m_dropHover = true;
        update();
    }
}

void RoleCardItem::dragLeaveEvent(QGraphicsSceneDragDropEvent *event)
{
    Q_UNUSED(event)
    m_dropHover = false;
    update();
}

void RoleCardItem::dropEvent(QGraphicsSceneDragDropEvent *event)
{
    m_dropHover = false;
    update();
    const QList<qint64> ids = PeopleModel::personIdsFromMime(event->mimeData());
    if (ids.isEmpty()) {
        event->ignore();
        return;
    }
    event->setDropAction(Qt::LinkAction);
    event->accept();
    emit m_view.dropRequested(m_key, ids);
}

} // namespace cp
