#pragma once

#include <QPagedPaintDevice>

namespace cp {

// Where rendered pages go: a PDF file, a printer, or a test's recorder. Painting starts on the
// first page; newPage() moves on to the next one.
class PageTarget
{
public:
    virtual ~PageTarget() = default;
    virtual QPaintDevice *device() = 0;
    virtual bool newPage() = 0;
};

// A QPdfWriter or a QPrinter.
class PagedDeviceTarget final : public PageTarget
{
public:
    explicit PagedDeviceTarget(QPagedPaintDevice &device) : m_device(device) {}
    QPaintDevice *device() override { return &m_device; }
    bool newPage() override { return m_device.newPage(); }

private:
    QPagedPaintDevice &m_device;
};

} // namespace cp
