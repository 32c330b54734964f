#include "deferreddock.h"

#include <QTimer>

namespace cp {

DeferredDock::DeferredDock(const QString &objectName, QWidget *parent) : QDockWidget(parent)
{
    setObjectName(objectName);
    // Docks behind a tab are shown too, only moved out of view; what counts is coming into view,
    // which QDockWidget reports (a tab raised, the window shown with the dock in front).
    connect(this, &QDockWidget::visibilityChanged, this, [this](bool inView) {
        if (inView)
            ensureBuilt();
    });
    QAccessible::installActivationObserver(this);
    if (QAccessible::isActive())
        accessibilityActiveChanged(true);
}

DeferredDock::~DeferredDock()
{
    QAccessible::removeActivationObserver(this);
}

void DeferredDock::accessibilityActiveChanged(bool active)
{
    // Once the subclass is whole (never from its constructor).
    if (active)
        QTimer::singleShot(0, this, [this] { ensureBuilt(); });
}

void DeferredDock::ensureBuilt() const
{
    if (m_built)
        return;
    // Lazily built content is state of the dock's own making, like a cache: const callers may ask.
    auto *self = const_cast<DeferredDock *>(this);
    self->m_built = true;
    QWidget *content = self->buildContent();
    self->showSession(m_session);
    self->setWidget(content);
    // Built while in view: the new content shows now, not a turn later.
    if (isVisible())
        content->show();
    emit self->built();
}

void DeferredDock::setSession(IncidentSession *session)
{
    m_session = session;
    updateFrame(session);
    if (m_built)
        showSession(session);
}

void DeferredDock::reveal()
{
    ensureBuilt();
    show();
    raise();
}

} // namespace cp
