/**
 * Server-side printing: objects rendered as {@code meta.k8s.io/v1 Table}s for {@code kubectl get}, with the same
 * columns and cells the real Kubernetes API server produces (Kubernetes' {@code TableConvertor}s, mostly
 * {@code pkg/printers/internalversion/printers.go} as of v1.33).
 *
 * <p>{@link io.kava.apiserver.table.TableWriter} is the entry point: it looks the kind up in
 * {@link io.kava.apiserver.table.TablePrinters}, asks the {@link io.kava.apiserver.table.TablePrinter} for the
 * column definitions and one {@link io.kava.apiserver.table.Row} per object, and attaches the object, its metadata
 * or nothing ({@code includeObject}). There is one printer per kind or small family of kinds, package-private;
 * kinds without one print Kubernetes' default Name and Created At columns, custom resources their CRD's
 * {@code additionalPrinterColumns} ({@link io.kava.apiserver.table.CustomColumnsPrinter}).
 *
 * <p>Conventions every printer follows, because the real server does:
 * <ul>
 *   <li>cells of priority&gt;0 columns are always filled (the server prints "wide"; kubectl hides them);</li>
 *   <li>ages and durations are computed here, against an injected clock, with
 *       {@link io.kava.apiserver.table.HumanDuration} ({@code 5m}, {@code 2d3h}, {@code <unknown>});</li>
 *   <li>a missing field reads as Go's zero value; where the real server would have stored an API default
 *       (Service type, replicas, reclaim policies...) the printer prints that default, since Kava may store
 *       objects as written;</li>
 *   <li>resource quantities print canonically ({@code 1536Mi}), as Kubernetes stores them.</li>
 * </ul>
 */
package io.kava.apiserver.table;
