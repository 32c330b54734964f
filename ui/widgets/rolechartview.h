#pragma once

#include <QGraphicsItem>
#include <QGraphicsView>
#include <QHash>
#include <QTimer>

class QMimeData;

namespace cp {

class RoleCardItem;
class RoleTreeModel;

// The incident's live org chart drawn from RoleTreeModel: one card per role with its title
// and holders; the command role on top, staff roles (Deputy, Scribe) beside their lead, other
// roles below, sub-teams framed. Vacant required roles have a red dashed border and say
// VACANT; a lead over the span of control is marked. People dropped on a card are offered to
// dropRequested; the chart itself never writes.
class RoleChartView final : public QGraphicsView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RoleChartView)

public:
    explicit RoleChartView(RoleTreeModel &model, QWidget *parent = nullptr);
    ~RoleChartView() override;

    RoleCardItem *card(const QString &roleKey) const;
    QList<RoleCardItem *> cards() const;
    QString currentRoleKey() const; // the selected card's role
    void selectRole(const QString &roleKey);

    void zoomIn();
    void zoomOut();
    void zoomToFit();
    // How far following the view's size may shrink the chart (0.55 by default: legible at a desk).
    void setFollowFitMinimum(qreal zoom) { m_followFitMinimum = zoom; }
    // Only the roles someone holds and the required ones left vacant (the shadow view's chart).
    void setStaffedOnly(bool staffedOnly);
    qreal zoom() const;

    // The whole chart, at print size, on white.
    bool exportPng(const QString &path) const;
    bool exportSvg(const QString &path, const QString &title) const;

    // Lays the chart out again now (normally done once per batch of model changes).
    void relayout();

signals:
    void dropRequested(const QString &roleKey, const QList<qint64> &personIds);
    void contextMenuRequested(const QString &roleKey, const QPoint &globalPos);
    void activated(const QString &roleKey);

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    friend class RoleCardItem;
    void scheduleLayout();
    void setZoom(qreal zoom);
    void fitToView(qreal minimumZoom);
    void renderTo(QPainter &painter, const QRectF &target) const;

    RoleTreeModel &m_model;
    QGraphicsScene *m_scene;
    QHash<QString, RoleCardItem *> m_cards;
    QList<QGraphicsItem *> m_decorations; // edges and sub-team frames, rebuilt with the layout
    QTimer m_layoutTimer;
    bool m_fitPending = true;
    // Until the user zooms by hand the chart keeps fitting its dock as it is resized.
    bool m_followFit = true;
    qreal m_followFitMinimum = 0.55;
    // Ctrl+0 asked for the whole chart, however small: a later resize keeps it whole.
    bool m_fitWhole = false;
    bool m_staffedOnly = false;
};

// One role's card.
class RoleCardItem final : public QGraphicsItem
{
public:
    static constexpr qreal Width = 236;
    static constexpr qreal Height = 74;

    RoleCardItem(RoleChartView &view, const QString &roleKey);

    QString roleKey() const { return m_key; }
    QString title() const { return m_title; }
    QStringList holders() const { return m_holders; }
    bool isVacantRequired() const { return m_vacantRequired; }
    bool isOverSpan() const { return m_overSpan; }
    void setContent(const QString &title, const QString &shortName, const QStringList &holders, bool required,
                    bool vacantRequired, bool overSpan, int directReports, bool multiple);
    // What the card says, for tooltips, accessibility and tests.
    QString text() const;

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void dragEnterEvent(QGraphicsSceneDragDropEvent *event) override;
    void dragLeaveEvent(QGraphicsSceneDragDropEvent *event) override;
    void dropEvent(QGraphicsSceneDragDropEvent *event) override;

private:
    RoleChartView &m_view;
    QString m_key;
    QString m_title;
    QString m_shortName;
    QStringList m_holders;
    bool m_required = false;
    bool m_vacantRequired = false;
    bool m_overSpan = false;
    bool m_multiple = false;
    int m_directReports = 0;
    bool m_dropHover = false;
};

} // namespace cp
