/**
 * Label and field selectors, as Kubernetes' {@code k8s.io/apimachinery/pkg/labels} and
 * {@code k8s.io/apimachinery/pkg/fields} define them.
 *
 * <p>{@link io.kava.api.selector.LabelSelector} parses the {@code ?labelSelector=} string syntax
 * ({@code a=b}, {@code a!=b}, {@code a in (x,y)}, {@code a notin (x)}, {@code a}, {@code !a},
 * {@code a>5}, comma = AND) and the structured {@code metav1.LabelSelector} form used inside
 * objects (Deployment {@code spec.selector}, ...), with Kubernetes' validation rules and error
 * messages. {@link io.kava.api.selector.FieldSelector} parses the {@code ?fieldSelector=} syntax
 * ({@code a=b}, {@code a==b}, {@code a!=b}, backslash escaping) and tells the caller which fields
 * it needs, so a resource can reject fields it does not index. Both are immutable values; invalid
 * input throws {@link io.kava.api.selector.SelectorException}.
 */
package io.kava.api.selector;
