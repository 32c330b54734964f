#pragma once

#include <QAccessible>
#include <QDockWidget>

namespace cp {

class IncidentSession;

// A dock whose content (widgets and the models behind them) is built the first time someone needs
// it: when the dock first comes into view (its tab raised, a workspace or a restored layout putting
// it in front, its toggle action) or when one of its commands or shortcuts runs. Until then it is only its
// frame — object name, title, toggle action and the actions it gives the menus — so saved layouts,
// workspaces and shortcuts work as before, and a window starts without building what it hides
// behind tabs. With assistive technology on, every dock is built at once: a screen reader's user
// Tabs through the whole window, hidden tabs included, as before. Models are made (and subscribe to the store) when the
// content is, and read what is current then: nothing is missed in between.
class DeferredDock : public QDockWidget, private QAccessible::ActivationObserver
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeferredDock)

public:
    bool isBuilt() const { return m_built; }
    // Builds the content now if it is not yet (a command, a shortcut or a caller needs it).
    void ensureBuilt() const;

    // The incident shown and written to; null: none. Kept until the content is built.
    void setSession(IncidentSession *session);
    IncidentSession *session() const { return m_session; }

    // Shows the dock and brings its tab to the front: where a "Go to …" shortcut takes the user.
    void reveal();

signals:
    void built();

protected:
    explicit DeferredDock(const QString &objectName, QWidget *parent = nullptr);
    ~DeferredDock() override;

    // Makes the widgets and models; returns the dock's widget, which the dock takes once it shows
    // the session and its texts (a widget entering a dock in view is laid out at once).
    virtual QWidget *buildContent() = 0;
    // The built content shows `session` (also called right after the build).
    virtual void showSession(IncidentSession *session) = 0;
    // What the frame keeps current whether built or not (the enabled state of its menu actions).
    virtual void updateFrame(IncidentSession *session) { Q_UNUSED(session) }

    // For accessors: the member once the content is built.
    template <typename T> T *built(T *const &member) const
    {
        ensureBuilt();
        return member;
    }

private:
    void accessibilityActiveChanged(bool active) override;

    IncidentSession *m_session = nullptr;
    bool m_built = false;
};

} // namespace cp
